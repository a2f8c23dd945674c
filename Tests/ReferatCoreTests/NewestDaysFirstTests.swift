import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// A match ordered by meeting is searched among the newest days first (`NewestDaysFirst`): each
/// page of it is the slice of the order Xapian gives the whole match, on one index and over
/// shards.
@Suite struct NewestDaysFirstTests {
    /// Matches that weigh nothing (ordered by meeting: everything, wildcards, filters), and
    /// weighed ones sorted by date.
    static let requests = [
        SearchRequest(query: ""), SearchRequest(query: "sundheds*"), SearchRequest(query: "kommun*"),
        SearchRequest(query: "klynge:nord"), SearchRequest(query: "år:2022"),
        SearchRequest(query: "klynge:midt sundhed*"), SearchRequest(query: "dato:2023-01-01.."),
        SearchRequest(query: "", section: .decision),
        SearchRequest(query: "IPS", sort: .date), SearchRequest(query: "økonomi budget", sort: .date),
        SearchRequest(query: "sundheds*", sort: .date),
    ]

    @Test(arguments: [ShardedSamples.single, ShardedSamples.root])
    func everyPageIsTheWholeMatchsSlice(path: String) throws {
        let database = try ShardStub.at(path)?.open(timeout: Searcher.defaultShardTimeout) ?? Database(path: path)
        let builder = try QueryBuilder(database: database)
        let documents = try database.documentCount
        for request in Self.requests {
            let query = try builder.query(for: request).query
            let unsorted = try Enquire(database: database)
            try unsorted.setQuery(query)
            let maxWeight = try unsorted.mset(first: 0, maxItems: 0).maxPossibleWeight
            #expect(request.sort == .date || maxWeight == 0, "\(request)")
            let enquire = try Searcher.enquire(on: database, order: request.sort)
            try enquire.setQuery(query)
            let whole = try ranking(try enquire.mset(first: 0, maxItems: documents))
            #expect(whole.count > 3, "\(request)")
            // Told that every item matches, the search starts from the fewest days that hold the
            // page twice over, and takes more days while a match is missed.
            for limit in [1, 2, 5] {
                for first in stride(from: 0, to: whole.count, by: limit) {
                    let page = try NewestDaysFirst(database: database).mset(
                        of: query, enquire: enquire, first: first, maxItems: limit, estimate: documents)
                    #expect(
                        try ranking(page) == Array(whole[first..<min(first + limit, whole.count)]),
                        "\(request) from \(first)")
                }
            }
        }
    }

    /// The page's items and weights, in order.
    private func ranking(_ mset: MSet) throws -> [String] {
        try (0..<mset.count).map { index in
            let (docid, weight) = try mset.item(at: index)
            return "\(docid) \(weight)"
        }
    }
}
