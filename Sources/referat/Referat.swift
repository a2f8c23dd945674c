import ArgumentParser
import Foundation
import ReferatCore

@main
struct Referat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referat",
        abstract: "Search Danish meeting minutes (referater), indexed with Xapian.",
        subcommands: [
            IndexCommand.self, SearchCommand.self, SimilarCommand.self, StatsCommand.self, EvalCommand.self,
            ServeCommand.self, BenchQueriesCommand.self, ParseCommand.self,
        ]
    )

    /// Exit status when a shard of the index is not available (EX_UNAVAILABLE).
    static let shardUnavailable: Int32 = 69

    /// ArgumentParser's main, with one exit status of Referat's own: a shard that cannot be
    /// reached ends any command with 69 and one line naming it.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ReferatError {
            guard case .shardUnavailable = error else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(shardUnavailable)
        } catch {
            exit(withError: error)
        }
    }
}

/// Where `referat index` writes the index.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The index directory.")
    var db: String = "index"
}

/// The index a reading command searches: an index directory, or a stub listing shards.
struct IndexReaderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The index directory, or a Xapian stub (a file, or a directory's XAPIANDB) listing shards: \
            auto PATH, remote HOST:PORT (xapian-tcpsrv), remote :PROGRAM ARGS (xapian-progsrv).
            """)
    var db: String = "index"

    @Option(
        name: .customLong("shard-timeout"),
        help: "Seconds a remote shard may take to connect or to answer before the search fails naming it.")
    var shardTimeout: Double = Searcher.defaultShardTimeout

    func validate() throws {
        guard shardTimeout > 0 else { throw ValidationError("--shard-timeout must be a positive number of seconds") }
    }

    func searcher() throws -> Searcher {
        try Searcher(databasePath: db, shardTimeout: shardTimeout)
    }
}
