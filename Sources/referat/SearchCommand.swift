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

    @Argument(help: "The query; with --batch, a file of queries (default: standard input).")
    var query: String?

    @Flag(
        help: """
            Answer one query per line (from the file named, or standard input) with one JSON object \
            per line: the --json object plus "line"; a query that cannot be run gives \
            {"line", "query", "error"} and the next line is answered. The index is opened once.
            """)
    var batch = false

    @OptionGroup var database: IndexReaderOptions

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
        if !batch, query == nil {
            throw ValidationError("Missing expected argument '<query>'")
        }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, MeetingDate(iso: value) == nil {
                throw ValidationError("\(name) must be a date as YYYY-MM-DD, not \"\(value)\"")
            }
        }
        // The searcher's own checks (limit, offset, query length, from before to), reported as
        // option errors (exit 64) before any index is opened.
        do {
            try request(for: batch ? "" : query ?? "").validate()
        } catch let error as ReferatError {
            throw ValidationError(error.description)
        }
    }

    private func request(for query: String) -> SearchRequest {
        SearchRequest(
            query: query, limit: limit, offset: offset, cluster: cluster, forum: forum,
            from: from.flatMap(MeetingDate.init(iso:)), to: to.flatMap(MeetingDate.init(iso:)), sort: sort,
            section: decisions ? .decision : nil)
    }

    func run() throws {
        let searcher = try database.searcher()
        if batch {
            try runBatch(searcher)
            return
        }
        let response = try searcher.search(request(for: query ?? ""))
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

extension SearchCommand {
    /// One JSON line per input line. A query the searcher refuses is that line's error; any
    /// other failure (the index became unreadable) ends the run.
    private func runBatch(_ searcher: Searcher) throws {
        let input: FileHandle
        if let path = query {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw ValidationError("cannot read the batch file \(path)")
            }
            input = file
        } else {
            input = FileHandle.standardInput
        }
        var number = 0
        for line in InputLines(input) {
            number += 1
            let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            let answer: BatchAnswer
            do {
                answer = .response(line: number, try searcher.search(request(for: text)))
            } catch let error as ReferatError where error.isAboutTheRequest {
                answer = .error(line: number, query: text, message: error.description)
            }
            try printJSON(answer)
            // A script may wait for each answer before it writes the next query.
            fflush(nil)
        }
    }
}

/// One line of `referat search --batch`: the `--json` object plus the input line's number, or
/// the line's error.
enum BatchAnswer: Encodable {
    case response(line: Int, SearchResponse)
    case error(line: Int, query: String, message: String)

    private enum Keys: String, CodingKey { case line, query, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .response(let line, let response):
            try container.encode(line, forKey: .line)
            try response.encode(to: encoder)
        case .error(let line, let query, let message):
            try container.encode(line, forKey: .line)
            try container.encode(query, forKey: .query)
            try container.encode(message, forKey: .error)
        }
    }
}

/// The lines of a file or stream as they arrive (a script may write queries one at a time).
struct InputLines: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var ended = false

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if ended {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { ended = true } else { buffer.append(chunk) }
        }
    }
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
