import ArgumentParser
import DocumentText
import Foundation
import Minutes
import ReferatCore

/// Shows what Referat makes of minutes files, without an index: the meeting metadata and the
/// agenda items with their line ranges and sections.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the meeting metadata and agenda items Referat reads from minutes files.",
        discussion: """
            A file with no recognisable agenda items shows no items (the indexer then indexes it \
            as one whole-file item). A file that cannot be read gets one line on standard error; \
            the others are still printed, and the exit status is 1.
            """
    )

    @Argument(help: "Minutes files (text, markdown, PDF, DOCX or HTML).")
    var files: [String]

    @Flag(help: "Print one JSON array, one object per file.")
    var json = false

    func run() throws {
        var parsed: [ParsedFile] = []
        var failed = false
        for file in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let document = try DocumentReader().read(data, name: file)
                parsed.append(ParsedFile(file: file, meeting: MinutesParser.parse(document.text)))
            } catch {
                FileHandle.standardError.write(
                    Data("referat parse: \(file): cannot read: \(Self.reason(error))\n".utf8))
                failed = true
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            print(String(decoding: try encoder.encode(parsed), as: UTF8.self))
        } else {
            for file in parsed { print(file.text) }
        }
        if failed { throw ExitCode.failure }
    }

    private static func reason(_ error: any Error) -> String {
        (error as? DocumentTextError).map { "\($0)" } ?? error.localizedDescription
    }
}

/// One file as `referat parse` prints it.
struct ParsedFile: Encodable {
    struct Item: Encodable {
        let number: Int
        let title: String
        let firstLine: Int
        let lastLine: Int
        /// Section headings as written; nil for text before the first heading.
        let sections: [String?]

        enum CodingKeys: String, CodingKey {
            case number, title, sections
            case firstLine = "first_line"
            case lastLine = "last_line"
        }
    }

    let file: String
    let meeting: MeetingResponse
    let items: [Item]

    init(file: String, meeting: Meeting) {
        self.file = file
        self.meeting = MeetingResponse(meeting)
        items = meeting.items.map {
            Item(
                number: $0.number, title: $0.title, firstLine: $0.firstLine, lastLine: $0.lastLine,
                sections: $0.sections.map(\.heading))
        }
    }

    var text: String {
        var lines = [file]
        let metadata: [(String, String?)] = [
            ("title", meeting.title), ("date", meeting.date), ("forum", meeting.forum), ("cluster", meeting.cluster),
            ("region", meeting.region), ("organisation", meeting.organisation),
        ]
        for (name, value) in metadata { lines.append("  \(name): \(value ?? "–")") }
        if items.isEmpty { lines.append("  no agenda items (indexed as one whole-file item)") }
        for item in items {
            let sections = item.sections.map { $0 ?? "(text)" }.joined(separator: " | ")
            lines.append("  \(item.number). \(item.title)  [lines \(item.firstLine)–\(item.lastLine)]")
            if !sections.isEmpty { lines.append("      \(sections)") }
        }
        return lines.joined(separator: "\n")
    }
}
