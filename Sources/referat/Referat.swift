import ArgumentParser

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
}

/// Where the index lives; shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The index directory.")
    var db: String = "index"
}
