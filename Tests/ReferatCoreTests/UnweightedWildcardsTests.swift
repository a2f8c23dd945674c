import ReferatTestSupport
import Testing

@testable import ReferatCore

@Suite struct UnweightedWildcardsTests {
    @Test func bareWildcardsBecomeTheUnweightedField() {
        let field = UnweightedWildcards.field
        #expect(UnweightedWildcards.rewrite("kommun*") == "\(field):kommun")
        #expect(UnweightedWildcards.rewrite("Sundheds* plan") == "\(field):Sundheds plan")
        #expect(UnweightedWildcards.rewrite("+palli* -æld*") == "+\(field):palli -\(field):æld")
        #expect(UnweightedWildcards.rewrite("(a* OR b*)") == "(\(field):a OR \(field):b)")
    }

    @Test func phrasesFieldsAndInnerStarsAreLeftToXapian() {
        for text in ["\"almen prak*\"", "titel:sta*", "covid-19*", "a*b", "IPS'en*", "plan", "*"] {
            #expect(UnweightedWildcards.rewrite(text) == text)
        }
        let field = UnweightedWildcards.field
        #expect(UnweightedWildcards.rewrite("\"almen praksis\" kommun*") == "\"almen praksis\" \(field):kommun")
    }

    @Test func aWildcardSelectsAndTheOtherWordsRank() throws {
        let searcher = try SampleIndex.searcher()
        let alone = try searcher.search(SearchRequest(query: "klynge*", limit: 50))
        #expect(!alone.results.isEmpty)
        #expect(alone.results.allSatisfy { $0.score == 0 })
        // Matched words are marked (not those found only as a compound's part).
        #expect(alone.results.contains { $0.snippet.segments.contains(where: \.match) })

        let mixed = try searcher.search(SearchRequest(query: "klynge* IPS", limit: 50))
        let ips = try searcher.search(SearchRequest(query: "IPS", limit: 50))
        // Items with both rank first, by the weight of IPS alone; items with only klynge* follow.
        let withBoth = mixed.results.prefix { $0.score > 0 }
        #expect(!withBoth.isEmpty)
        #expect(Set(withBoth.map(\.id)).isSubset(of: Set(ips.results.map(\.id))))
    }
}
