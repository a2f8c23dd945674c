import ArgumentParser
import Foundation
import Minutes
import ReferatCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; print the matching agenda items, best first.",
        discussion: """
            QUERY uses Xapian's syntax: "a phrase", AND/OR/NOT, +must -mustnot, wildcards (palli*), \
            filters klynge:nord forum:klyngestyregruppe år:2022, fields titel:budget \
            beslutning:godkendt indstilling:tiltrædes and date ranges dato:2022-01-01..2022-12-31.
            """
    )

    @Argument(help: "The query.")
    var query: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Number of results (1-\(SearchRequest.maxLimit)).")
    var limit: Int = 10

    @Option(help: "Skip this many results (for paging).")
    var offset: Int = 0

    @Option(help: "Only this cluster, e.g. Nord.")
    var cluster: String?

    @Option(help: "Only this forum, e.g. Klyngestyregruppe.")
    var forum: String?

    @Option(help: "Only meetings on or after this date (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only meetings on or before this date (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Order of the results: relevance (best first) or date (newest meeting first).")
    var sort: SearchOrder = .relevance

    @Flag(help: "Only items with a decision, the query's words found in it.")
    var decisions = false

    @Flag(help: "Print one JSON object (see the README for its schema).")
    var json = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, MeetingDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not \"\(value)\"")
            }
        }
        // The searcher's own checks (limit, offset, query length, from before to), reported as
        // option errors (exit 64) before any index is opened.
        do {
            try request.validate()
        } catch let error as ReferatError {
            throw ValidationError(error.description)
        }
    }

    private var request: SearchRequest {
        SearchRequest(
            query: query, limit: limit, offset: offset, cluster: cluster, forum: forum,
            from: from.flatMap(MeetingDate.init(iso:)), to: to.flatMap(MeetingDate.init(iso:)), sort: sort,
            section: decisions ? .decision : nil)
    }

    func run() throws {
        let response = try Searcher(databasePath: database.db).search(request)
        if json {
            try printJSON(response)
        } else {
            print(HumanOutput(useColor: isatty(STDOUT_FILENO) != 0).text(of: response), terminator: "")
        }
    }
}

extension SearchOrder: ExpressibleByArgument {}

/// The JSON the API serves, keys sorted, on one line.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// The terminal rendering of a search: one block per hit.
struct HumanOutput {
    let useColor: Bool

    /// A search: a spelling note, a count, the hits.
    func text(of response: SearchResponse) -> String {
        var lines: [String] = []
        if let suggestion = response.suggestion {
            lines.append(
                response.searchedSuggestion
                    ? "Ingen resultater for \"\(response.query)\"; viser resultater for \"\(suggestion)\"."
                    : "Mente du: \(suggestion)?")
        }
        if response.results.isEmpty {
            lines.append("Ingen resultater for \"\(response.query)\".")
        } else {
            lines.append("Ca. \(response.totalEstimate) resultater for \"\(response.query)\":")
        }
        return (lines + hitLines(response.results)).joined(separator: "\n") + "\n"
    }

    /// Items like one item: the words that describe it, then the items.
    func text(of response: SimilarResponse) -> String {
        let lines =
            response.results.isEmpty
            ? ["Ingen lignende punkter."]
            : ["Punkter som \(response.id) (\(response.terms.joined(separator: ", "))):"]
        return (lines + hitLines(response.results)).joined(separator: "\n") + "\n"
    }

    private func hitLines(_ hits: [SearchResponse.Hit]) -> [String] {
        var lines: [String] = []
        for hit in hits {
            let meeting = [hit.meeting.cluster, hit.meeting.forum, hit.meeting.date]
                .map { $0 ?? "?" }.joined(separator: " · ")
            lines.append("")
            lines.append("\(hit.rank). \(meeting)")
            lines.append("   Punkt \(hit.item.number): \(bold(hit.item.title))")
            lines.append("   \(hit.file)  [\(hit.id)]")
            lines.append("   " + terminalSnippet(hit.snippet))
        }
        return lines
    }

    private func bold(_ text: String) -> String { useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    /// A terminal marks matches in bold yellow (or «» when piped); the snippet on one line.
    private func terminalSnippet(_ snippet: MarkedText) -> String {
        let (start, end) = useColor ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("«", "»")
        return snippet.segments.map { $0.match ? start + $0.text + end : $0.text }.joined()
            .replacingOccurrences(of: "\n", with: " ")
    }
}
