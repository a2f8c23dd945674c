import Foundation

/// In-process search latency over a query mix: what a user waits for, without process start-up.
public struct QueryBenchmark: Sendable {
    public var queries: Int
    public var runs: Int
    /// Milliseconds.
    public var p50: Double
    public var p99: Double
    public var mean: Double
    public var max: Double

    /// Runs every query `repeat` times (after one warm-up pass) and measures each search, with
    /// the facets counted when `facets` is set.
    public init(queries: [String], searcher: Searcher, repeat count: Int, facets: Bool = false) throws {
        for query in queries { _ = try searcher.search(SearchRequest(query: query, facets: facets)) }
        var timings: [Double] = []
        for _ in 0..<count {
            for query in queries {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try searcher.search(SearchRequest(query: query, facets: facets))
                timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        timings.sort()
        func percentile(_ p: Double) -> Double {
            timings.isEmpty
                ? 0 : timings[Swift.min(timings.count - 1, Int((p * Double(timings.count)).rounded(.up)) - 1)]
        }
        self.queries = queries.count
        runs = timings.count
        p50 = percentile(0.5)
        p99 = percentile(0.99)
        mean = timings.isEmpty ? 0 : timings.reduce(0, +) / Double(timings.count)
        max = timings.last ?? 0
    }
}
