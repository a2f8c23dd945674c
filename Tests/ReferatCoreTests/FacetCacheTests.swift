import Foundation
import ReferatTestSupport
import Testing

@testable import ReferatCore

@Suite struct FacetCacheTests {
    /// The next page and another order reuse the counts of the first page; a change to the index
    /// makes them be counted again. Either way they are what a searcher without a cache counts.
    @Test func pooledSearchesCountAsAFreshSearcherDoesBeforeAndAfterAnUpdate() throws {
        let corpus = try TestCorpus()
        _ = try corpus.indexer().run()
        let pool = try SearcherPool(databasePath: corpus.index)
        let first = SearchRequest(query: "klynge", limit: 3, facets: true)
        var next = first
        next.offset = 3
        next.sort = .date
        func pooled(_ request: SearchRequest) throws -> SearchResponse {
            try pool.withSearcher { try $0.search(request) }
        }
        func fresh(_ request: SearchRequest) throws -> SearchResponse {
            try Searcher(databasePath: corpus.index).search(request)
        }

        let counted = try pooled(first)
        #expect(counted == (try fresh(first)))
        #expect(try pooled(next) == (try fresh(next)))

        try corpus.write("new.txt", smallMinutes)
        _ = try corpus.indexer().run()
        let recounted = try pooled(next)
        #expect(recounted == (try fresh(next)))
        #expect(recounted.totalEstimate > counted.totalEstimate)
        #expect(recounted.facets != counted.facets)
    }

    @Test func countsAreKeptForOneIndexStateAndTheOldestGoesFirst() {
        let cache = FacetCache(capacity: 2)
        let counts = FacetCache.Counts(facets: .init(cluster: [], forum: [], year: []), matches: 7)
        let state = FacetCache.IndexState(stub: "gen-000001", revision: 3)
        let keys = ["a", "b", "c"].map { FacetCache.Key(SearchRequest(query: $0)) }
        cache.store(counts, for: keys[0], on: state)
        #expect(cache.counts(for: keys[0], on: state)?.matches == 7)
        #expect(cache.counts(for: keys[0], on: .init(stub: "gen-000001", revision: 4)) == nil)
        #expect(cache.counts(for: keys[0], on: .init(stub: "gen-000002", revision: 3)) == nil)
        // The same search on another page or in another order has the same key.
        var paged = SearchRequest(query: "a", offset: 10, sort: .date)
        #expect(FacetCache.Key(paged) == keys[0])
        paged.cluster = "Nord"
        #expect(FacetCache.Key(paged) != keys[0])

        cache.store(counts, for: keys[1], on: state)
        cache.store(counts, for: keys[2], on: state)
        #expect(cache.counts(for: keys[0], on: state) == nil)
        #expect(cache.counts(for: keys[2], on: state) != nil)
        // Counting on a new revision drops what was counted on the old one.
        cache.store(counts, for: keys[0], on: .init(stub: "gen-000001", revision: 4))
        #expect(cache.counts(for: keys[2], on: state) == nil)
    }
}
