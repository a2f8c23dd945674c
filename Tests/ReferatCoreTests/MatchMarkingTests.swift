import ReferatTestSupport
import Testing

@testable import ReferatCore

/// What a search marks is what Xapian matched: the index's stemmer and tokeniser, in the hits'
/// snippets and on the whole item alike.
@Suite struct MatchMarkingTests {
    /// (query, the marked stretches of item 1 of nord/2022.md: "Palliation i hjemmeplejen",
    /// "Palliation og hjemmepleje blev drøftet.", "Klyngen godkendte planen.")
    @Test(arguments: [
        ("palliation", ["Palliation", "Palliation"]),
        ("hjemmeplejen", ["hjemmeplejen", "hjemmepleje"]),
        // A filter's value is not text: "Klyngen" stays unmarked.
        ("klynge:nord godkendt", ["godkendte"]),
        ("\"blev drøftet\"", ["blev drøftet"]),
        ("", []),
        ("AND (", []),
    ])
    func theItemMarksWhatTheQueryMatched(query: String, marked: [String]) throws {
        let corpus = try palliationCorpus()
        let searcher = try Searcher(databasePath: corpus.index)
        let item = try #require(
            try searcher.item(id: IndexSchema.itemID(file: "nord/2022.md", number: 1), marking: query))
        let texts = [item.title] + item.sections.flatMap { [$0.heading, $0.text].compactMap { $0 } }
        #expect(texts.flatMap(\.segments).filter(\.match).map(\.text) == marked)
        // Marking never changes the text.
        #expect(item.title.text == item.record.title)
        #expect(item.sections.map(\.text.text) == item.record.sections.map(\.text))
    }

    @Test func snippetsMarkTheSameWordsAsTheItem() throws {
        let corpus = try palliationCorpus()
        let searcher = try Searcher(databasePath: corpus.index)
        for hit in try searcher.search(SearchRequest(query: "palliation <&>")).results {
            let matched = hit.snippet.segments.filter(\.match).map { $0.text.lowercased() }
            #expect(!matched.isEmpty && matched.allSatisfy { $0 == "palliation" }, "\(hit.id)")
            let item = try #require(try searcher.item(id: hit.id, marking: "palliation <&>"))
            #expect(item.record.text.contains(hit.snippet.text.trimmingCharacters(in: ["…"])))
        }
    }

    @Test func decisionsOnlySnippetsMarkTheWordsInTheDecision() throws {
        let corpus = try palliationCorpus()
        let response = try Searcher(databasePath: corpus.index).search(
            SearchRequest(query: "godkendt", section: .decision))
        #expect(response.results.map { $0.snippet.segments.filter(\.match).map(\.text) } == [["godkendte"]])
    }

    @Test func anUnknownItemIsNil() throws {
        #expect(try SampleIndex.searcher().item(id: "nope-1", marking: "x") == nil)
    }
}
