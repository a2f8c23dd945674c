import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

@Suite struct ConcurrencyTests {
    /// Many requests at once, each on a reader of its own from the pool.
    @Test func parallelSearchesAllSucceed() async throws {
        let queries = ["IPS", "palliation", "akutplan", "klynge", "mobil blodprøvetagning", "sundhedsaftale"]
        try await SampleIndex.app().test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<60 {
                    group.addTask {
                        try await client.execute(
                            uri: uri("/api/search", [("q", queries[index % queries.count])]), method: .get
                        ).status
                    }
                }
                for try await status in group { #expect(status == .ok) }
            }
        }
    }

    /// A re-index while searches run: every search answers, and the server sees the new revision
    /// without a restart.
    @Test func searchesKeepAnsweringWhileTheIndexIsRewritten() async throws {
        let directory = TemporaryDirectory()
        let path = directory.path("index")
        // A corpus of its own that grows between the two re-indexes (unchanged files are skipped).
        let corpus = directory.url.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Repository.corpus, to: corpus)
        let sample = try #require(
            try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
                .first)
        _ = try Indexer(corpusRoot: corpus, databasePath: path).run()
        let pool = try SearcherPool(databasePath: path)
        let before = try #require(try pool.withSearcher { try $0.status().revision })
        let app = Application(router: buildRouter(pool: pool))
        try await app.test(.router) { client in
            let done = Flag()
            let writer = Task.detached {
                defer { done.set() }
                for round in 0..<2 {
                    try FileManager.default.copyItem(
                        at: corpus.appendingPathComponent(sample),
                        to: corpus.appendingPathComponent("copy-\(round).txt"))
                    _ = try Indexer(corpusRoot: corpus, databasePath: path).run()
                }
            }
            var statuses: [HTTPResponse.Status] = []
            while !done.isSet {
                statuses.append(try await client.execute(uri: uri("/api/search", [("q", "IPS")]), method: .get).status)
                statuses.append(try await client.execute(uri: "/healthz", method: .get).status)
            }
            try await writer.value
            #expect(!statuses.isEmpty)
            #expect(statuses.allSatisfy { $0 == .ok })
            let health = try await client.execute(uri: "/healthz", method: .get).json(HealthResponse.self)
            #expect(try #require(health.revision) > before)
            #expect(health.documents > 44)
        }
    }
}

/// Set once by one task, read by another.
final class Flag: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
