import ArgumentParser
import Foundation
import Logging
import ReferatCore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index the *.txt and *.md minutes under CORPUS, one Xapian document per agenda item."
    )

    @Argument(help: "The corpus directory.")
    var corpus: String = "corpus"

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let indexer = Indexer(
            corpusRoot: URL(fileURLWithPath: corpus), databasePath: database.db, logger: Logger.stderr("referat.index"))
        let summary = try indexer.run()
        print(
            "indexed \(summary.files) files, \(summary.items) items, \(summary.failed) failed in "
                + String(format: "%.2f s", summary.seconds))
        if summary.failed > 0 { throw ExitCode(2) }
    }
}
