import Foundation
import Minutes

/// The sample corpus and its gold segmentation, found relative to this file:
/// `<repo>/corpus/*.txt` and `<repo>/../shared/eval/items.json`.
enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MinutesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let corpus = repoRoot.appendingPathComponent("corpus")
    static let goldURL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/items.json")

    static let sampleFiles = [
        "000_9285af0b1d2d00d2.txt", "001_b7c9c314a7c852bc.txt", "002_76e1cc869024a7c4.txt",
        "003_ba1bb07e974decf3.txt", "004_6fef7745cb6f1a69.txt",
    ]

    static func text(of file: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
    }

    /// The text without markdown heading marks (`## ` at the start of a line) and bold marks
    /// (`**`), as the same minutes read when they come out of a PDF.
    static func strippingMarkdown(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line.replacingOccurrences(of: "**", with: "")
            let marks = line.prefix { $0 == "#" }
            if !marks.isEmpty, line.dropFirst(marks.count).first == " " {
                line = String(line.dropFirst(marks.count + 1))
            }
            return line
        }
        .joined(separator: "\n")
    }

    static func gold() throws -> [String: GoldFile] {
        try JSONDecoder().decode([String: GoldFile].self, from: Data(contentsOf: goldURL))
    }
}

struct GoldFile: Decodable {
    struct MeetingInfo: Decodable {
        let cluster: String?
        let forum: String?
        let region: String?
        let date: String?
        let dateSource: String?

        enum CodingKeys: String, CodingKey {
            case cluster, forum, region, date
            case dateSource = "date_source"
        }
    }

    struct Item: Decodable {
        let number: Int
        let title: String
        let firstLine: Int
        let lastLine: Int
        let headingText: String
        let quote: String

        enum CodingKeys: String, CodingKey {
            case number, title, quote
            case firstLine = "first_line"
            case lastLine = "last_line"
            case headingText = "heading_text"
        }
    }

    struct Region: Decodable {
        let firstLine: Int
        let lastLine: Int

        enum CodingKeys: String, CodingKey {
            case firstLine = "first_line"
            case lastLine = "last_line"
        }
    }

    let meeting: MeetingInfo
    let items: [Item]
    let nonItemRegions: [Region]

    enum CodingKeys: String, CodingKey {
        case meeting, items
        case nonItemRegions = "non_item_regions"
    }
}

/// Every run of whitespace as one space, trimmed: the gold quotes match under this.
func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
