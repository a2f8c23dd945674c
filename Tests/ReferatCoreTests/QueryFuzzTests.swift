import Foundation
import ReferatTestSupport
import Testing

@testable import ReferatCore

/// Generated queries (`QueryFuzzer`) through the searcher: each is answered, or refused as a
/// query or parameter the user can fix, with a reason; nothing crashes and no other error
/// comes back. `REFERAT_FUZZ_QUERIES=100000 swift test --skip-build --filter QueryFuzzTests`
/// runs the full count (the README gives its figures); the default keeps `swift test` short.
@Suite struct QueryFuzzTests {
    static let count = Int(ProcessInfo.processInfo.environment["REFERAT_FUZZ_QUERIES"] ?? "") ?? 1_000

    @Test func generatedQueriesAreAnsweredOrRefusedWithAReason() throws {
        let searcher = try SampleIndex.searcher()
        var fuzzer = QueryFuzzer(seed: 2026)
        var answered = 0
        var refused = 0
        for index in 0..<Self.count {
            let query = fuzzer.nextQuery()
            // Every third with the options that change the query's shape: a section, date order.
            let request =
                index % 3 == 0
                ? SearchRequest(query: query, sort: .date, section: .decision)
                : SearchRequest(query: query, facets: index % 3 == 1)
            do {
                _ = try searcher.search(request)
                answered += 1
            } catch let error as ReferatError {
                switch error {
                case .badQuery(_, let reason) where !reason.isEmpty: refused += 1
                case .unsupportedQuery(_, let reason) where !reason.isEmpty: refused += 1
                case .badParameter(name: "query", _): refused += 1
                default: Issue.record("\(error) for \(query.debugDescription)")
                }
            } catch {
                Issue.record("\(error) for \(query.debugDescription)")
            }
        }
        print("query fuzzer: \(Self.count) queries, \(answered) answered, \(refused) refused with a reason")
        #expect(answered + refused == Self.count)
        #expect(answered > Self.count / 2 && refused > 0)
    }
}
