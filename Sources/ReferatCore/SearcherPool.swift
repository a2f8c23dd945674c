import Foundation

/// Read-only searchers for concurrent requests. Xapian handles are not thread-safe, so each
/// request borrows a `Searcher` of its own and gives it back; none is ever used by two threads
/// at once. Each searcher reopens to the latest commit before it reads, so a re-index is
/// picked up without a restart.
public final class SearcherPool: @unchecked Sendable {
    // @unchecked: `idle` is only touched under `lock`, and a borrowed Searcher belongs to one
    // caller until it is returned.
    private let lock = NSLock()
    private var idle: [Searcher] = []
    private let maxIdle: Int
    public let databasePath: String
    public let shardTimeout: Double
    /// Facet counts the pool's searchers share, so paging a search does not count them again.
    private let facetCache = FacetCache()

    /// Opens one searcher at once, so a missing or unreadable index fails here, at start-up.
    public init(databasePath: String, shardTimeout: Double = Searcher.defaultShardTimeout, maxIdle: Int = 16) throws {
        self.databasePath = databasePath
        self.shardTimeout = shardTimeout
        self.maxIdle = maxIdle
        idle.append(try Searcher(databasePath: databasePath, shardTimeout: shardTimeout, facetCache: facetCache))
    }

    /// Runs `body` with a searcher of its own.
    public func withSearcher<T>(_ body: (Searcher) throws -> T) throws -> T {
        let searcher = try borrow()
        defer { giveBack(searcher) }
        return try body(searcher)
    }

    private func borrow() throws -> Searcher {
        lock.lock()
        let searcher = idle.popLast()
        lock.unlock()
        return try searcher ?? Searcher(databasePath: databasePath, shardTimeout: shardTimeout, facetCache: facetCache)
    }

    private func giveBack(_ searcher: Searcher) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < maxIdle { idle.append(searcher) }
    }
}
