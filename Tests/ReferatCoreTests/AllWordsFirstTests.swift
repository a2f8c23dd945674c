import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// A plain query of several words takes its page from the items with all the words when no
/// other item can rank on it (`AllWordsFirst`): every page it gives is the whole match's slice,
/// on one index and over shards, and it gives none when another item could rank on the page.
@Suite struct AllWordsFirstTests {
    static let queries = [
        "mobil blodprøvetagning", "økonomi budget", "godkendelse af dagsorden", "Driftsforum Psykiatri Nord",
        "inddragelse af patienter og pårørende", "borgere i kommunerne og almen praksis skal inddrages",
        "klyngens ansvar for hele befolkningens sundhed", "status på handleplanen", "budget 2023",
    ]

    @Test(arguments: [ShardedSamples.single, ShardedSamples.root])
    func pagesOfPlainQueries(path: String) throws {
        let database = try open(path)
        let builder = try QueryBuilder(database: database)
        var given = 0
        for request in Self.queries.flatMap({ [SearchRequest(query: $0), SearchRequest(query: $0, cluster: "Nord")] }) {
            let built = try builder.query(for: request)
            let allWordsFirst = try #require(built.allWordsFirst, "\(request)")
            given += try comparePages(of: built.query, allWordsFirst, in: database).given
        }
        #expect(given > 20)
    }

    /// With a weak boost an item with all the words can weigh less than one with a word of them
    /// (`patienter kommune`: the sixth item with both ranks eighth): pages that another item could
    /// rank on are declined, and those given are still the whole match's.
    @Test(arguments: [ShardedSamples.single, ShardedSamples.root])
    func pagesThatAnotherItemCouldRankOnAreDeclined(path: String) throws {
        let database = try open(path)
        var given = 0
        var declined = 0
        for (terms, boost) in [(["Zpatient", "Zkommun"], 0.05), (["Zklyng", "Zmød"], 0.2)] {
            let words = try terms.map { try Query(term: $0) }
            let allWords = try Query(.and, words)
            let anyWord = try Query(.or, words)
            let whole = try Query(.or, [try allWords.scaled(by: boost), anyWord])
            let counts = try comparePages(
                of: whole, AllWordsFirst(allWords: try allWords.scaled(by: boost + 1), anyWord: anyWord),
                in: database)
            given += counts.given
            declined += counts.declined
        }
        #expect(given > 0)
        #expect(declined > 0)
    }

    private func open(_ path: String) throws -> Database {
        try ShardStub.at(path)?.open(timeout: Searcher.defaultShardTimeout) ?? Database(path: path)
    }

    /// Compares every page `allWordsFirst` gives with the slice of the whole match of `whole`;
    /// counts the pages given, and the pages declined that hold only items with all the words.
    private func comparePages(of whole: Query, _ allWordsFirst: AllWordsFirst, in database: Database) throws -> (
        given: Int, declined: Int
    ) {
        let documents = try database.documentCount
        let enquire = try Searcher.enquire(on: database, order: .relevance)
        try enquire.setQuery(whole)
        let ranked = try ranking(try enquire.mset(first: 0, maxItems: documents))
        let allWordsMatch = try Enquire(database: database)
        try allWordsMatch.setQuery(allWordsFirst.allWords)
        let allWords = Set(try ranking(try allWordsMatch.mset(first: 0, maxItems: documents)).map(\.docid))
        var given = 0
        var declined = 0
        for limit in [1, 3, 10] {
            for first in stride(from: 0, to: ranked.count, by: limit) {
                let slice = Array(ranked[first..<min(first + limit, ranked.count)])
                guard
                    let page = try allWordsFirst.page(
                        enquire: enquire, database: database, first: first, maxItems: limit)
                else {
                    if slice.count == limit, slice.allSatisfy({ allWords.contains($0.docid) }) { declined += 1 }
                    continue
                }
                given += 1
                let got = try ranking(page)
                #expect(got.map(\.docid) == slice.map(\.docid), "\(whole) from \(first)")
                // An item with all the words weighs (boost + 1) × its words' weight here, and
                // boost × it + it in the whole match: equal but for rounding.
                for (a, b) in zip(got, slice) {
                    #expect(abs(a.weight - b.weight) <= 1e-9 * b.weight, "\(whole) from \(first)")
                }
            }
        }
        return (given, declined)
    }

    /// The page's items and weights, in order.
    private func ranking(_ mset: MSet) throws -> [(docid: UInt32, weight: Double)] {
        try (0..<mset.count).map { try mset.item(at: $0) }
    }
}
