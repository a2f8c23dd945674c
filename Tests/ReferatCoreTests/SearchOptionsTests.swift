import Foundation
import Minutes
import ReferatTestSupport
import Testing

@testable import ReferatCore

/// Three meetings that all discuss palliation: two dated, one without a date; decisions that
/// do and do not mention it.
func palliationCorpus() throws -> TestCorpus {
    let corpus = try TestCorpus(samples: false)
    try corpus.write(
        "nord/2022.md",
        """
        # Referat Klyngestyregruppe Nord

        Mødedato: 6. maj 2022

        ## 1. Palliation i hjemmeplejen

        Sagsfremstilling

        Palliation og hjemmepleje blev drøftet.

        Beslutning

        Klyngen godkendte planen.

        ## 2. Eventuelt

        Intet.
        """)
    try corpus.write(
        "syd/2024.md",
        """
        # Referat Klyngestyregruppe Syd

        Mødedato: 3. marts 2024

        ## 1. Fælles indsats

        Sagsfremstilling

        Et oplæg om den fælles indsats for ældre.

        Beslutning

        Palliation prioriteres i den fælles plan.
        """)
    try corpus.write(
        "midt/udateret.md",
        """
        # Referat Klyngestyregruppe Midt

        ## 1. Palliation for ældre

        Palliation i kommunerne blev gennemgået.
        """)
    _ = try corpus.indexer().run()
    return corpus
}

@Suite struct SearchOptionsTests {
    @Test func dateOrderIsNewestFirstWithUndatedMeetingsLast() throws {
        let corpus = try palliationCorpus()
        let searcher = try Searcher(databasePath: corpus.index)
        let byDate = try searcher.search(SearchRequest(query: "palliation", sort: .date))
        #expect(byDate.results.map(\.meeting.date) == ["2024-03-03", "2022-05-06", nil])
        let byRelevance = try searcher.search(SearchRequest(query: "palliation"))
        #expect(Set(byRelevance.results.map(\.id)) == Set(byDate.results.map(\.id)))
    }

    @Test func decisionsOnlyFindsTheWordsInADecision() throws {
        let corpus = try palliationCorpus()
        let searcher = try Searcher(databasePath: corpus.index)
        let cases: [(SearchRequest, [String])] = [
            // Only the 2024 decision mentions palliation; the undated item has no decision.
            (SearchRequest(query: "palliation", section: .decision), ["syd/2024.md"]),
            // Stemmed like any word: "godkendt" finds "godkendte".
            (SearchRequest(query: "godkendt", section: .decision), ["nord/2022.md"]),
            (SearchRequest(query: "beslutning:godkendt"), ["nord/2022.md"]),
            (SearchRequest(query: "hjemmepleje", section: .decision), []),
            // No words: every item with a decision, and no other.
            (SearchRequest(query: "", limit: 10, section: .decision), ["nord/2022.md", "syd/2024.md"]),
        ]
        for (request, files) in cases {
            let found = try searcher.search(request).results.map(\.file).sorted()
            #expect(found == files, "\(request.query) \(String(describing: request.section))")
        }
    }
}

@Suite struct SimilarItemsTests {
    /// The mobile blood sampling item (Nord, 2022) is like other items about blood sampling.
    @Test func similarItemsLeaveTheItemOutAndListOtherMeetingsFirst() throws {
        let searcher = try SampleIndex.searcher()
        let id = "000_9285af0b1d2d00d2.txt-5"
        let similar = try #require(try searcher.similar(to: id, limit: 20))
        #expect(!similar.terms.isEmpty)
        #expect(similar.terms.allSatisfy { !QueryBuilder.stopWords.contains($0) })
        #expect(!similar.results.isEmpty)
        #expect(!similar.results.map(\.id).contains(id))
        #expect(similar.results.map(\.rank) == Array(1...similar.results.count))
        // Once an item of the same meeting is listed, no other meeting's item follows.
        let sameMeeting = similar.results.map { $0.file == "000_9285af0b1d2d00d2.txt" }
        #expect(sameMeeting == sameMeeting.sorted { !$0 && $1 })
        #expect(sameMeeting.contains(false))
        // The words that describe the item are what its snippets mark.
        let marked = Set(similar.results.flatMap { $0.snippet.segments.filter(\.match).map { $0.text.lowercased() } })
        #expect(!marked.isEmpty)
    }

    @Test func anUnknownItemHasNoSimilarItems() throws {
        #expect(try SampleIndex.searcher().similar(to: "nope-1") == nil)
    }
}
