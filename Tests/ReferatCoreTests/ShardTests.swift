import Foundation
import Minutes
import ReferatTestSupport
import Testing

@testable import ReferatCore

/// The samples as three shards answer as one index of the same files: searched through the stub
/// of local shards, and through a stub of the lexicon and remote shards (two `xapian-tcpsrv` on
/// loopback, one `xapian-progsrv` through a pipe).
@Suite(.serialized) struct ShardTests {
    static let queries = [
        "", "IPS", "palliation", "mobil blodprøvetagning", "\"den ældre medicinske patient\"", "DÆMP", "dæmp",
        "sygehus", "IPS AND psykiatri", "IPS NOT psykiatri", "+IPS -covid", "palli*", "sundheds*", "kommun*",
        "titel:budget", "titel:sta*", "beslutning:godkendt", "indstilling:tiltrædes", "klynge:nord",
        "forum:klyngestyregruppe", "år:2022", "dato:2022-01-01..2022-12-31", "dato:2023-01-01..",
        "akutplam", "aarshjul", "klyngemøde", "godkendelse af dagsorden", "økonomi budget", "demografi",
    ]

    /// Each query as the CLI asks it (no facets) and as the API does (facets), sorted both ways,
    /// narrowed, limited to decisions and paged.
    static var requests: [SearchRequest] {
        queries.flatMap { query in
            [
                SearchRequest(query: query),
                SearchRequest(query: query, facets: true),
                SearchRequest(query: query, limit: 5, offset: 3, facets: true, sort: .date),
                SearchRequest(query: query, cluster: "Nord", facets: true),
                SearchRequest(
                    query: query, from: MeetingDate(iso: "2022-06-01"), to: MeetingDate(iso: "2023-12-31")),
                SearchRequest(query: query, facets: true, section: .decision),
            ]
        }
    }

    /// Every request, the statistics, each item and its similar items: the same answers, as a
    /// whole (ids, order, scores, totals, facets, snippets), from both; for similar items, all
    /// but the snippets. Xapian 1.4 ranks a snippet's words by the sum of each shard's bound on
    /// the word's weight (`Weight::Internal::set_max_part`), so a word in more shards weighs more
    /// there, and among the 20 words of `similar` another extract can win.
    func expectSameAnswers(_ sharded: Searcher, _ single: Searcher) throws {
        for request in Self.requests {
            #expect(try sharded.search(request) == (try single.search(request)), "\(request)")
        }
        #expect(try sharded.statistics() == (try single.statistics()))
        let ids = try single.search(SearchRequest(query: "", limit: 100)).results.map(\.id)
        #expect(ids.count == 44)
        for id in ids {
            #expect(try sharded.item(id: id) == (try single.item(id: id)), "\(id)")
            let (similar, expected) = (try sharded.similar(to: id), try single.similar(to: id))
            #expect(similar?.terms == expected?.terms, "\(id)")
            #expect(similar?.results.map(\.withoutSnippet) == expected?.results.map(\.withoutSnippet), "\(id)")
        }
    }

    @Test func localShardsAnswerAsOneIndex() throws {
        try expectSameAnswers(
            try Searcher(databasePath: ShardedSamples.root), try Searcher(databasePath: ShardedSamples.single))
    }

    @Test func remoteShardsAnswerAsOneIndex() throws {
        let servers = ["a", "b"].map { ShardServer(database: ShardedSamples.shardPath($0)) }
        defer {
            for server in servers { server.stop() }
        }
        for server in servers { try server.start() }
        let directory = TemporaryDirectory()
        let stub = try ShardedSamples.stub(
            servers.map(\.stubLine) + ["remote :xapian-progsrv \(ShardedSamples.shardPath("c"))"], in: directory)
        let searcher = try Searcher(databasePath: stub)
        try expectSameAnswers(searcher, try Searcher(databasePath: ShardedSamples.single))

        // The mix needs the lexicon: without it, no suggestion, and `sygehus` finds no "hospital".
        let bareStub = directory.path("bare.stub")
        try (servers.map(\.stubLine) + ["remote :xapian-progsrv \(ShardedSamples.shardPath("c"))"])
            .joined(separator: "\n").write(toFile: bareStub, atomically: true, encoding: .utf8)
        let bare = try Searcher(databasePath: bareStub)
        #expect(try searcher.search(SearchRequest(query: "akutplam")).suggestion == "akutplan")
        #expect(try bare.search(SearchRequest(query: "akutplam")).suggestion == nil)
        let found = { (searcher: Searcher) in
            Set(try searcher.search(SearchRequest(query: "sygehus", limit: 100)).results.map(\.id))
        }
        #expect(try found(bare).isStrictSubset(of: try found(searcher)))
    }

    @Test func stubLinesAreReadAsXapianWritesThem() throws {
        let directory = TemporaryDirectory()
        let stub = directory.path("stub")
        try """
        # shards
        auto lexicon
        remote 10.0.0.5:33301
        remote :ssh search2 xapian-progsrv /srv/syd   # over ssh

        """.write(toFile: stub, atomically: true, encoding: .utf8)
        let shards = try #require(try ShardStub.at(stub)).shards
        #expect(
            shards.map(\.location) == [
                .local(path: directory.path("lexicon")), .tcp(host: "10.0.0.5", port: 33301),
                .program(program: "ssh", arguments: "search2 xapian-progsrv /srv/syd"),
            ])
        #expect(shards.map(\.name) == ["lexicon", "10.0.0.5:33301", ":ssh search2 xapian-progsrv /srv/syd"])
        try "remote 10.0.0.5\n".write(toFile: stub, atomically: true, encoding: .utf8)
        #expect(throws: ReferatError.badStub(file: stub, line: 1, text: "remote 10.0.0.5")) {
            try ShardStub.at(stub)
        }
        // An index's own stub names one generation: not shards.
        #expect(try ShardStub.at(ShardedSamples.single) == nil)
    }

    @Test func aShardThatIsDownIsNamed() throws {
        let server = ShardServer(database: ShardedSamples.shardPath("a"))
        try server.start()
        let port = server.port
        server.stop()
        let directory = TemporaryDirectory()
        let stub = try ShardedSamples.stub(["remote 127.0.0.1:\(port)"], in: directory)
        #expect(throws: ReferatError.self) { try Searcher(databasePath: stub, shardTimeout: 1) }
        do {
            _ = try Searcher(databasePath: stub, shardTimeout: 1)
        } catch let error as ReferatError {
            guard case .shardUnavailable(let shard, _) = error else { throw error }
            #expect(shard == "127.0.0.1:\(port)")
        }
    }

    @Test func indexingOneIndexIntoAShardedRootIsRefused() throws {
        #expect(throws: ReferatError.self) {
            try Indexer(corpusRoot: ShardedSamples.corpus, databasePath: ShardedSamples.root).run()
        }
    }
}

extension SearchResponse.Hit {
    var withoutSnippet: SearchResponse.Hit {
        var hit = self
        hit.snippet = MarkedText(plain: "")
        return hit
    }
}
