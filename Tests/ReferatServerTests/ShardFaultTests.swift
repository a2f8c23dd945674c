import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

#if canImport(Glibc)
    import Glibc
#endif

/// `referat serve` over remote shards on loopback when a shard fails: 503 naming the shard, no
/// wait past the timeout, and answers again once the shard is back, without a restart.
@Suite(.serialized) struct ShardFaultTests {
    static let timeout = 1.0
    static let search = uri("/api/search", [("q", "palliation"), ("limit", "20")])

    /// The three sample shards each behind its own `xapian-tcpsrv`, and the app on a stub of them.
    final class Setup: @unchecked Sendable {
        // @unchecked: used by one test, from one task at a time.
        let servers = ShardedSamples.groups.map { ShardServer(database: ShardedSamples.shardPath($0)) }
        let directory = TemporaryDirectory()
        let pool: SearcherPool

        init() throws {
            for server in servers { try server.start() }
            let stub = try ShardedSamples.stub(servers.map(\.stubLine), in: directory)
            pool = try SearcherPool(databasePath: stub, shardTimeout: ShardFaultTests.timeout)
        }

        deinit {
            for server in servers { server.stop() }
        }

        var app: some ApplicationProtocol { Application(router: buildRouter(pool: pool)) }
    }

    @Test func aShardDownAnswers503NamingItAndRecoversWhenItReturns() async throws {
        let setup = try Setup()
        let expected = try Searcher(databasePath: ShardedSamples.single)
            .search(SearchRequest(query: "palliation", limit: 20, facets: true))
        try await setup.app.test(.router) { client in
            let before = try await client.execute(uri: Self.search, method: .get)
            #expect(before.status == .ok)
            #expect(try before.json(SearchResponse.self) == expected)

            let down = setup.servers[1]
            let port = down.port
            down.stop()
            for path in [Self.search, "/healthz", "/items/000_9285af0b1d2d00d2.txt-5"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .serviceUnavailable, "\(path)")
                #expect(response.text.contains("127.0.0.1:\(port)"), "\(path)")
            }

            try down.start(port: port)
            let again = try await client.execute(uri: Self.search, method: .get)
            #expect(again.status == .ok)
            #expect(try again.json(SearchResponse.self) == expected)
        }
    }

    @Test func aShardThatStopsAnsweringFailsWithinTheTimeout() async throws {
        let setup = try Setup()
        try await setup.app.test(.router) { client in
            #expect(try await client.execute(uri: Self.search, method: .get).status == .ok)
            let stuck = setup.servers[0]
            stuck.signal(SIGSTOP)
            let started = Date()
            let response = try await client.execute(uri: Self.search, method: .get)
            let waited = Date().timeIntervalSince(started)
            stuck.signal(SIGCONT)
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorMessage == "shard 127.0.0.1:\(stuck.port) is not available")
            #expect(waited < Self.timeout * 3, "waited \(waited) s")
            #expect(try await client.execute(uri: Self.search, method: .get).status == .ok)
        }
    }

    /// `referat index --rebuild` of a shard while `xapian-tcpsrv` serves it swaps the shard's
    /// stub to a new generation: every search keeps answering, the same items.
    @Test func aShardRebuiltWhileServedKeepsAnswering() async throws {
        let directory = TemporaryDirectory()
        let copy = directory.path("b")
        try FileManager.default.copyItem(atPath: ShardedSamples.shardPath("b"), toPath: copy)
        let server = ShardServer(database: copy)
        defer { server.stop() }
        try server.start()
        let stub = try ShardedSamples.stub(
            [
                "auto \(ShardedSamples.shardPath("a"))", server.stubLine, "auto \(ShardedSamples.shardPath("c"))",
            ], in: directory)
        let pool = try SearcherPool(databasePath: stub, shardTimeout: Self.timeout)
        let expected = try Searcher(databasePath: ShardedSamples.single)
            .search(SearchRequest(query: "palliation", limit: 20, facets: true))
        let options = {
            var options = IndexOptions(rebuild: true)
            options.group = "b"
            return options
        }()
        try await Application(router: buildRouter(pool: pool)).test(.router) { client in
            for _ in 0..<2 {
                _ = try Indexer(corpusRoot: ShardedSamples.corpus, databasePath: copy, options: options).run()
                let response = try await client.execute(uri: Self.search, method: .get)
                #expect(response.status == .ok)
                #expect(try response.json(SearchResponse.self) == expected)
            }
        }
    }
}
