import Foundation
import Minutes

/// Facet counts already made for one state of the index, shared by the searchers of a pool:
/// the next page of a search, the same search sorted by date, or a click that narrows it to a
/// cluster the page already counted, reuse them instead of passing over the whole match again.
/// Exact, because they are kept only for the index revision (and generation) they were counted
/// on: an entry of another state is never returned, and counting on a new state drops the old.
final class FacetCache: @unchecked Sendable {
    // @unchecked: `state`, `entries` and `order` are only touched under `lock`.

    /// What the counts depend on: the request without its order and page, its cluster and forum
    /// as the index compares them. Derived from the whole request, so a filter added to it is
    /// part of the key without a change here.
    struct Key: Hashable {
        private let request: SearchRequest

        init(_ request: SearchRequest) {
            var counted = request
            counted.limit = 0
            counted.offset = 0
            counted.sort = .relevance
            counted.facets = true
            counted.cluster = request.cluster.map(IndexSchema.filterValue)
            counted.forum = request.forum.map(IndexSchema.filterValue)
            self.request = counted
        }
    }

    /// The index a count was made on: the stub it was opened through and its revision.
    struct IndexState: Equatable {
        var stub: String?
        var revision: UInt64
    }

    struct Counts {
        var facets: SearchResponse.Facets
        /// Every match, counted exactly by the same pass.
        var matches: Int
    }

    private let lock = NSLock()
    private let capacity: Int
    private var state: IndexState?
    private var entries: [Key: Counts] = [:]
    /// Keys oldest first: the oldest goes when the cache is full.
    private var order: [Key] = []

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func counts(for key: Key, on state: IndexState) -> Counts? {
        lock.lock()
        defer { lock.unlock() }
        return state == self.state ? entries[key] : nil
    }

    func store(_ counts: Counts, for key: Key, on state: IndexState) {
        lock.lock()
        defer { lock.unlock() }
        if state != self.state {
            self.state = state
            entries = [:]
            order = []
        }
        if entries.updateValue(counts, forKey: key) == nil {
            order.append(key)
        }
        if order.count > capacity {
            entries[order.removeFirst()] = nil
        }
    }
}
