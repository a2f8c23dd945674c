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

    /// Xapian 1.4 weighs a group of words searched as one (`OP_SYNONYM`: a ranked wildcard, as in a
    /// search limited to a section) by the words each shard has: the same items, other scores.
    static func weighsAWordGroup(_ request: SearchRequest) -> Bool {
        request.section != nil && request.query.contains("*")
    }

    /// Every request, the statistics, each item and its similar items: equal from both, but for
    /// the snippets, whose extract Xapian may choose otherwise over shards.
    func expectSameAnswers(_ sharded: Searcher, _ single: Searcher) throws {
        for request in Self.requests {
            let (answer, expected) = (try sharded.search(request), try single.search(request))
            if Self.weighsAWordGroup(request) {
                var all = request
                all.limit = SearchRequest.maxLimit
                let ids = { (searcher: Searcher) in Set(try searcher.search(all).results.map(\.id)) }
                #expect(try ids(sharded) == ids(single), "\(request)")
                #expect(answer.totalEstimate == expected.totalEstimate, "\(request)")
                #expect(answer.facets == expected.facets, "\(request)")
            } else {
                #expect(answer.withoutSnippets == expected.withoutSnippets, "\(request)")
            }
        }
        #expect(try sharded.statistics() == (try single.statistics()))
        let ids = try single.search(SearchRequest(query: "", limit: 100)).results.map(\.id)
        #expect(ids.count == 44)
        for id in ids {
            #expect(try sharded.item(id: id) == (try single.item(id: id)), "\(id)")
            let (similar, expected) = (try sharded.similar(to: id), try single.similar(to: id))
            #expect(similar?.terms == expected?.terms, "\(id)")
            #expect(similar?.results.withoutSnippets == expected?.results.withoutSnippets, "\(id)")
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

extension SearchResponse {
    var withoutSnippets: SearchResponse {
        var response = self
        response.results = results.withoutSnippets
        return response
    }
}

extension [SearchResponse.Hit] {
    var withoutSnippets: [SearchResponse.Hit] {
        map { hit in
            var hit = hit
            hit.snippet = MarkedText(plain: "")
            return hit
        }
    }
}
