import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

/// Generated queries (`QueryFuzzer`) through HTTP: the API, the page and the feed answer 200,
/// or refuse with 400 (414 for a query over the length limit) and a reason; never 5xx.
/// `REFERAT_FUZZ_REQUESTS=10000` runs the full count (the README gives its figures).
@Suite struct HTTPFuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["REFERAT_FUZZ_REQUESTS"] ?? "") ?? 300

    @Test func generatedQueriesAreAnsweredOrRefusedWithAReason() async throws {
        var fuzzer = QueryFuzzer(seed: 4287)
        let queries = (0..<Self.count).map { _ in fuzzer.nextQuery() }
        let statuses = try await SampleIndex.app().test(.router) { client in
            var statuses: [Int: Int] = [:]
            for (index, query) in queries.enumerated() {
                let path = ["/api/search", "/", "/feed.atom"][index % 3]
                let response = try await client.execute(
                    uri: uri(path, [("q", query), ("sort", index % 2 == 0 ? "date" : "relevance")]), method: .get)
                statuses[Int(response.status.code), default: 0] += 1
                switch response.status.code {
                case 200: continue
                case 400, 414:
                    if path == "/api/search" {
                        #expect(response.errorMessage?.isEmpty == false, "\(query.debugDescription)")
                    } else if path == "/" {
                        #expect(response.text.contains("role=\"alert\""), "\(query.debugDescription)")
                    }
                default: Issue.record("\(path) answered \(response.status.code) for \(query.debugDescription)")
                }
            }
            return statuses
        }
        print("HTTP fuzzer: \(Self.count) requests, statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(statuses.keys.allSatisfy { [200, 400, 414].contains($0) })
    }

    @Test func requestLogLinesAreBounded() {
        let long = "/api/search?q=" + String(repeating: "palliation%20", count: 500)
        let line = RequestLogMiddleware<BasicRequestContext>.line(
            method: "GET", uri: long, status: 414, milliseconds: 1.5)
        #expect(line.count <= RequestLogMiddleware<BasicRequestContext>.maxURILength + 40)
        #expect(line.hasSuffix(" 414 1.5 ms"))
        #expect(line.contains("…"))
    }
}
