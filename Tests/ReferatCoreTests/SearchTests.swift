import Foundation
import Minutes
import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

@Suite struct SearchTests {
    @Test func ipsFindsItemsFromNordMidtAndSyd() throws {
        let response = try SampleIndex.searcher().search(SearchRequest(query: "IPS", limit: 50))
        let clusters = Set(response.results.compactMap(\.meeting.cluster))
        #expect(clusters.isSuperset(of: ["Nord", "Midt", "Syd"]), "\(clusters)")
    }

    @Test func phraseRanksTheMobileBloodSamplingItemFirst() throws {
        let response = try SampleIndex.searcher().search(SearchRequest(query: "mobil blodprøvetagning"))
        let first = try #require(response.results.first)
        #expect(first.file == "000_9285af0b1d2d00d2.txt")
        #expect(first.item.number == 5)
        #expect(first.meeting.date == "2022-05-06")
        #expect(first.snippet.segments.contains { $0.match })
    }

    @Test func quotedPhraseMatchesOnlyAdjacentWords() throws {
        let searcher = try SampleIndex.searcher()
        let phrase = try searcher.search(SearchRequest(query: "\"den ældre medicinske patient\"", limit: 50))
        #expect(!phrase.results.isEmpty)
        for hit in phrase.results {
            let text = try #require(try searcher.item(id: hit.id))
            let whole = (text.title + " " + text.text).lowercased().split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
            #expect(whole.contains("den ældre medicinske patient"), "\(hit.id)")
        }
    }

    @Test func clusterFilterKeepsOnlyThatCluster() throws {
        let response = try SampleIndex.searcher().search(SearchRequest(query: "sundhed*", limit: 50, cluster: "Midt"))
        #expect(!response.results.isEmpty)
        #expect(response.results.allSatisfy { $0.meeting.cluster == "Midt" })
    }

    @Test func dateRangeKeepsOnlyMeetingsInIt() throws {
        let from = try #require(MeetingDate(iso: "2024-01-01"))
        let response = try SampleIndex.searcher().search(SearchRequest(query: "klynge*", limit: 50, from: from))
        #expect(!response.results.isEmpty)
        #expect(response.results.allSatisfy { ($0.meeting.date ?? "") >= "2024-01-01" })
    }

    @Test func queryFilterSyntaxMatchesTheOptions() throws {
        let searcher = try SampleIndex.searcher()
        let typed = try searcher.search(SearchRequest(query: "IPS klynge:syd dato:2022-01-01..2022-12-31", limit: 50))
        #expect(!typed.results.isEmpty)
        #expect(typed.results.allSatisfy { $0.meeting.cluster == "Syd" && ($0.meeting.date ?? "").hasPrefix("2022") })
    }

    @Test func anUnparsableQueryIsABadQueryError() throws {
        #expect {
            _ = try SampleIndex.searcher().search(SearchRequest(query: "IPS AND"))
        } throws: { error in
            guard case .badQuery = error as? ReferatError else { return false }
            return true
        }
    }

    @Test func aMissingIndexIsNamed() {
        #expect(throws: ReferatError.indexMissing(path: "/nonexistent/index")) {
            _ = try Searcher(databasePath: "/nonexistent/index")
        }
    }

    @Test(arguments: [
        SearchRequest(query: "x", limit: 0), SearchRequest(query: "x", limit: 101),
        SearchRequest(query: "x", offset: -1), SearchRequest(query: String(repeating: "x", count: 1_001)),
    ])
    func badParametersAreRejected(request: SearchRequest) {
        #expect {
            _ = try SampleIndex.searcher().search(request)
        } throws: { error in
            guard case .badParameter = error as? ReferatError else { return false }
            return true
        }
    }

    @Test func pagingContinuesWhereThePageEnded() throws {
        let searcher = try SampleIndex.searcher()
        let all = try searcher.search(SearchRequest(query: "klynge*", limit: 6))
        let second = try searcher.search(SearchRequest(query: "klynge*", limit: 3, offset: 3))
        #expect(all.results.count == 6)
        #expect(second.results.map(\.id) == all.results.suffix(3).map(\.id))
        #expect(second.results.first?.rank == 4)
    }

    @Test func facetsCountTheWholeMatch() throws {
        let response = try SampleIndex.searcher().search(SearchRequest(query: "klynge*", limit: 1, facets: true))
        let facets = try #require(response.facets)
        #expect(facets.cluster.map(\.count).reduce(0, +) == response.totalEstimate)
        #expect(facets.year.map(\.count).reduce(0, +) <= response.totalEstimate)
    }

    @Test func jsonHasEveryKeyAndNullsForAbsentMetadata() throws {
        let response = try SampleIndex.searcher().search(SearchRequest(query: "IPS", limit: 1))
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(response)) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["query", "total_estimate", "offset", "limit", "results", "suggestion"]))
        let hit = try #require((json["results"] as? [[String: Any]])?.first)
        #expect(Set(hit.keys) == ["rank", "score", "id", "file", "meeting", "item", "snippet"])
        let meeting = try #require(hit["meeting"] as? [String: Any])
        #expect(Set(meeting.keys) == ["cluster", "region", "forum", "organisation", "date", "title"])
    }
}

@Suite struct IndexingTests {
    /// A small corpus written by the test: one meeting with the cases the samples lack.
    static func writeCorpus(_ files: [String: String], in directory: TemporaryDirectory) throws -> URL {
        let root = directory.url.appendingPathComponent("corpus")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let acronymMinutes = """
        # Referat Klyngestyregruppe Nord

        Mødedato: 6. maj 2022

        ## 1. Status på beskæftigelsesindsatsen

        Klyngen drøftede IPS'en og KL's udspil om sundhedsklyn-

        gerne.

        ## 2. Eventuelt

        Intet.
        """

    @Test(arguments: [("IPS", 1), ("KL", 1), ("sundhedsklyngerne", 1), ("\"IPS'en og KL's\"", 1)])
    func acronymsWithCliticsAndJoinedHyphenationAreFound(query: String, item: Int) throws {
        let directory = TemporaryDirectory()
        let corpus = try Self.writeCorpus(["nord/2022-05.md": Self.acronymMinutes], in: directory)
        let path = directory.path("index")
        _ = try Indexer(corpusRoot: corpus, databasePath: path).run()
        let response = try Searcher(databasePath: path).search(SearchRequest(query: query))
        #expect(response.results.map(\.item.number) == [item], "\(query)")
        #expect(response.results.first?.file == "nord/2022-05.md")
    }

    @Test func reindexingReplacesInsteadOfDuplicating() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("index")
        let first = try Indexer(corpusRoot: Repository.corpus, databasePath: path).run()
        let second = try Indexer(corpusRoot: Repository.corpus, databasePath: path).run()
        #expect(first.items == 44)
        #expect(second.items == first.items)
        #expect(try Searcher(databasePath: path).status().documents == 44)
    }

    @Test func statisticsDescribeTheSamples() throws {
        let stats = try SampleIndex.searcher().statistics()
        #expect(stats.items == 44)
        #expect(stats.meetings == 5)
        #expect(stats.distinctTerms > 1_000)
        #expect(stats.itemsPerCluster["Nord"] == 19)
        #expect(stats.firstDate == "2022-01-10" || stats.firstDate == "2022-05-06")
        #expect(stats.lastDate == "2024-11-28")
    }

    @Test func aMissingCorpusIsNamed() {
        #expect(throws: ReferatError.corpusMissing(path: "/nonexistent/corpus")) {
            _ = try Indexer(corpusRoot: URL(fileURLWithPath: "/nonexistent/corpus"), databasePath: "/tmp/x").run()
        }
    }
}

@Suite struct FreshnessTests {
    /// A long-lived reader (as in the server's pool) follows commits and `--rebuild` swaps,
    /// including a second rebuild that deletes the generation it first opened.
    @Test func aLongLivedSearcherFollowsRebuilds() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("index")
        _ = try Indexer(corpusRoot: Repository.corpus, databasePath: path).run()
        let searcher = try Searcher(databasePath: path)
        let before = try searcher.search(SearchRequest(query: "IPS")).results.map(\.id)
        for _ in 0..<3 {
            let rebuild = Indexer(
                corpusRoot: Repository.corpus, databasePath: path, options: IndexOptions(rebuild: true))
            _ = try rebuild.run()
            #expect(try searcher.search(SearchRequest(query: "IPS")).results.map(\.id) == before)
            #expect(try searcher.status().documents == 44)
        }
    }
}

@Suite struct ItemIDTests {
    @Test(arguments: [
        ("000_9285af0b1d2d00d2.txt", 5, "000_9285af0b1d2d00d2.txt-5"),
        ("nord/2022-05.md", 1, "nord_2022-05.md~"),
    ])
    func idsAreURLSafeAndStable(file: String, number: Int, expectedPrefix: String) {
        let id = IndexSchema.itemID(file: file, number: number)
        #expect(id.hasPrefix(expectedPrefix))
        #expect(id.hasSuffix("-\(number)"))
        #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.~".contains($0)) })
        #expect(IndexSchema.itemID(file: file, number: number) == id)
    }

    @Test func filesDifferingOnlyInExtensionGetDifferentIDs() {
        #expect(IndexSchema.itemID(file: "a.txt", number: 1) != IndexSchema.itemID(file: "a.md", number: 1))
    }
}

@Suite struct ParallelIndexingTests {
    /// Several workers (a full build writes a shard each, then merges them) must not change the
    /// index: same documents (terms, values and stored records, byte for byte) under the same
    /// ids, same spelling and synonym tables and metadata, same search results as one worker.
    @Test func severalWorkersBuildTheSameIndexAsOne() throws {
        let directory = TemporaryDirectory()
        var results: [([SearchResponse], IndexStatistics)] = []
        var documents: [[[String]]] = []
        var tables: [[String]] = []
        for workers in [1, 2, 3] {
            let path = directory.path("index-\(workers)")
            let options = IndexOptions(batchSize: 2, workers: workers)
            _ = try Indexer(corpusRoot: Repository.corpus, databasePath: path, options: options).run()
            let searcher = try Searcher(databasePath: path)
            let queries = [
                "IPS", "palliation", "klynge", "mobil blodprøvetagning", "akutplam", "dato:2022-01-01..2022-12-31",
            ]
            let responses = try queries.map { try searcher.search(SearchRequest(query: $0, limit: 50, facets: true)) }
            results.append((responses, try searcher.statistics()))
            let database = try Database(path: path)
            documents.append(
                try (1...UInt32(database.documentCount)).map { docid in
                    let document = try database.document(docid)
                    return [try document.data()] + (try document.terms().map { "\($0.term) \($0.wdf)" })
                        + (try [IndexSchema.dateSlot, IndexSchema.facetSlot].map {
                            "value \($0) \(try document.value(slot: $0))"
                        })
                })
            tables.append(
                try database.spellings().map { "spelling \($0.word) \($0.frequency)" }
                    + database.synonymKeys().map { "synonyms \($0) \(try database.synonyms(for: $0))" }
                    + database.metadataKeys(prefix: "").map { "metadata \($0) \(try database.metadata($0))" })
        }
        for (responses, statistics) in results.dropFirst() {
            #expect(responses == results[0].0)
            #expect(statistics == results[0].1)
        }
        #expect(documents[0].count == 44)
        for other in documents.dropFirst() { #expect(other == documents[0]) }
        #expect(tables[0].contains { $0.hasPrefix("spelling ") } && tables[0].contains { $0.hasPrefix("synonyms ") })
        for other in tables.dropFirst() { #expect(other == tables[0]) }
    }
}
