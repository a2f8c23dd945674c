import ArgumentParser
import Foundation
import ReferatCore

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List agenda items like one item, other meetings' first.",
        discussion: """
            ID is an item's id as `referat search` prints it (in brackets, or "id" in --json). \
            The words that set the item apart (Xapian's relevance feedback) are searched for.
            """
    )

    @Argument(help: "The item's id, e.g. 000_9285af0b1d2d00d2.txt-5.")
    var id: String

    @OptionGroup var database: IndexReaderOptions

    @Option(help: "Number of results (1-\(SearchRequest.maxLimit)).")
    var limit: Int = 10

    @Flag(help: "Print one JSON object, as GET /api/items/ID/similar.")
    var json = false

    func validate() throws {
        if !(1...SearchRequest.maxLimit).contains(limit) {
            throw ValidationError("--limit must be between 1 and \(SearchRequest.maxLimit)")
        }
    }

    func run() throws {
        guard let response = try database.searcher().similar(to: id, limit: limit) else {
            throw ItemMissing(id: id)
        }
        if json {
            try printJSON(response)
        } else {
            print(HumanOutput(useColor: isatty(STDOUT_FILENO) != 0).text(of: response), terminator: "")
        }
    }
}

/// An id the index does not know: exit status 1 like any other error.
struct ItemMissing: Error, CustomStringConvertible {
    let id: String
    var description: String { "no item with id \(id) in the index" }
}
