import Foundation

/// In-process search latency over a query mix: what a user waits for, without process start-up.
public struct QueryBenchmark: Sendable {
    /// One query's searches: wall-clock milliseconds, and the CPU milliseconds of the searching
    /// thread (on a loaded machine the wall time includes waiting for a core; the CPU time does not).
    public struct Timings: Sendable {
        public var query: String
        public var p50: Double
        public var mean: Double
        public var max: Double
        public var cpuMean: Double
    }

    public var queries: Int
    public var runs: Int
    /// Milliseconds.
    public var p50: Double
    public var p99: Double
    public var mean: Double
    public var max: Double
    /// CPU milliseconds per search.
    public var cpuMean: Double
    /// Each query's timings, in the mix's order.
    public var perQuery: [Timings]

    /// Runs every query `repeat` times (after one warm-up pass) and measures each search, with
    /// the facets counted when `facets` is set.
    public init(queries: [String], searcher: Searcher, repeat count: Int, facets: Bool = false) throws {
        for query in queries { _ = try searcher.search(SearchRequest(query: query, facets: facets)) }
        var wall = Array(repeating: [Double](), count: queries.count)
        var cpu = Array(repeating: 0.0, count: queries.count)
        for _ in 0..<count {
            for (index, query) in queries.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = Self.threadCPUNanoseconds()
                _ = try searcher.search(SearchRequest(query: query, facets: facets))
                cpu[index] += Double(Self.threadCPUNanoseconds() - cpuStart) / 1_000_000
                wall[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
        }
        let timings = wall.flatMap { $0 }.sorted()
        self.queries = queries.count
        runs = timings.count
        p50 = Self.percentile(0.5, of: timings)
        p99 = Self.percentile(0.99, of: timings)
        mean = timings.isEmpty ? 0 : timings.reduce(0, +) / Double(timings.count)
        max = timings.last ?? 0
        cpuMean = timings.isEmpty ? 0 : cpu.reduce(0, +) / Double(timings.count)
        perQuery = zip(queries, zip(wall, cpu)).map { query, measured in
            let (times, cpu) = measured
            let sorted = times.sorted()
            return Timings(
                query: query, p50: Self.percentile(0.5, of: sorted), mean: sorted.reduce(0, +) / Double(count),
                max: sorted.last ?? 0, cpuMean: cpu / Double(count))
        }
    }

    private static func percentile(_ p: Double, of sorted: [Double]) -> Double {
        sorted.isEmpty ? 0 : sorted[Swift.min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    }

    private static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
