import ArgumentParser
import ReferatCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Print what the index holds.")

    @OptionGroup var database: IndexReaderOptions

    func run() throws {
        let stats = try database.searcher().statistics()
        print("items:          \(stats.items)")
        print("meetings:       \(stats.meetings)")
        print("distinct terms: \(stats.distinctTerms)")
        print("date span:      \(stats.firstDate ?? "–") – \(stats.lastDate ?? "–")")
        print("items per cluster:")
        for (cluster, count) in stats.itemsPerCluster.sorted(by: { $0.key < $1.key }) {
            print("  \(cluster): \(count)")
        }
        print("items per forum:")
        for (forum, count) in stats.itemsPerForum.sorted(by: { $0.key < $1.key }) {
            print("  \(forum): \(count)")
        }
    }
}
