import ArgumentParser
import Foundation
import ReferatCore

struct BenchQueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queries",
        abstract: "Measure in-process search latency over a file of queries (one per line).")

    @Argument(help: "A file with one query per line; blank lines and lines starting with # are skipped.")
    var queries: String

    @OptionGroup var database: IndexReaderOptions

    @Option(help: "How many times to run the whole mix.")
    var `repeat`: Int = 20

    @Flag(help: "Count the facets over the whole match, as the search page does (each search counts them afresh).")
    var facets = false

    @Flag(
        name: .customLong("per-query"),
        help: "Also print each query's timings, slowest mean first, with the Xapian query it runs.")
    var perQuery = false

    func validate() throws {
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: queries, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(queries): \(error.localizedDescription)")
        }
        let mix = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let searcher = try database.searcher()
        let result = try QueryBenchmark(queries: mix, searcher: searcher, repeat: `repeat`, facets: facets)
        if perQuery {
            print("   p50 ms   mean ms    max ms  cpu ms  query")
            for timings in result.perQuery.sorted(by: { $0.mean > $1.mean }) {
                print(
                    String(
                        format: "%9.3f %9.3f %9.3f %7.3f  ", timings.p50, timings.mean, timings.max, timings.cpuMean)
                        + timings.query)
                print("    " + (try searcher.queryDescription(for: SearchRequest(query: timings.query))))
            }
        }
        print(
            String(
                format: "queries %d  searches %d  p50 %.3f ms  p99 %.3f ms  mean %.3f ms  max %.3f ms  cpu %.3f ms",
                result.queries, result.runs, result.p50, result.p99, result.mean, result.max, result.cpuMean))
    }
}
