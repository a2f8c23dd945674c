import Foundation
import Minutes
import Xapian

/// What facet counting reuses within one state of the index, shared by the searchers of a pool:
/// the table of every item's facet value (`ValueTable`), read once per state, so a count looks
/// each match's value up instead of reading it; and the counts already made, so the next page
/// of a search, the same search sorted by date, or a click that narrows it to a cluster the
/// page already counted, reuse them instead of passing over the whole match again. Exact,
/// because both are kept only for the index revision (and generation) they were made on: what
/// belongs to another state is never returned, and storing for a new state drops the old.
final class FacetCache: @unchecked Sendable {
    // @unchecked: `state`, `table`, `entries` and `order` are only touched under `lock`.

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
    private var table: ValueTable?
    private var entries: [Key: Counts] = [:]
    /// Keys oldest first: the oldest goes when the cache is full.
    private var order: [Key] = []

    /// - Parameter capacity: how many searches' counts are kept (0: none, every search counts;
    ///   the table is kept all the same).
    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    /// The facet values of the items of `database`, which is at `state`: read when this state's
    /// table is not read yet (20–50 ms for 180,000 items), else the table already read.
    func table(of database: Database, on state: IndexState) throws(XapianError) -> ValueTable {
        lock.lock()
        if state == self.state, let table {
            lock.unlock()
            return table
        }
        lock.unlock()
        // Read outside the lock: searchers at the current state are not kept waiting.
        let read = try ValueTable(database: database, slot: IndexSchema.facetSlot)
        lock.lock()
        defer { lock.unlock() }
        enter(state)
        table = read
        return read
    }

    func counts(for key: Key, on state: IndexState) -> Counts? {
        lock.lock()
        defer { lock.unlock() }
        return state == self.state ? entries[key] : nil
    }

    func store(_ counts: Counts, for key: Key, on state: IndexState) {
        lock.lock()
        defer { lock.unlock() }
        enter(state)
        if entries.updateValue(counts, forKey: key) == nil {
            order.append(key)
        }
        if order.count > capacity {
            entries[order.removeFirst()] = nil
        }
    }

    /// Drops what belongs to another state than `state`. Under `lock`.
    private func enter(_ state: IndexState) {
        guard state != self.state else { return }
        self.state = state
        table = nil
        entries = [:]
        order = []
    }
}
