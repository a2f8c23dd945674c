import Foundation
import Minutes
import Testing

/// Fifteen real minutes from other Danish publishers (`../shared/realworld/`), each parsed and
/// its agenda items compared with `gold.json` (number and title; a table of contents is not
/// items). Titles of PDF transcripts have an unclear right edge: there a title matches when it
/// starts with the gold title.
@Suite("Real minutes from Danish publishers against gold.json")
struct RealWorldTests {
    static let root = Fixtures.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld")
    /// Files whose gold titles compare by prefix (PDF transcripts, see SOURCES.md).
    static let prefixTitles: Set<String> = ["020_ballerup-kommunalbestyrelsen-2005-11-28.txt"]
    /// Files whose agenda Referat does not find yet, and why: the test expects these misses and
    /// says so when one starts to match.
    static let knownMisses: [String: Comment] = [
        "020_ballerup-kommunalbestyrelsen-2005-11-28.txt":
            "a docplayer transcript: each PDF page is one line, the headings sit inside the lines"
    ]

    struct Gold: Decodable {
        struct Item: Decodable {
            let number: Int
            let title: String
        }
        let items: [Item]
    }

    /// How one file's items compare with its gold items.
    struct Comparison: CustomStringConvertible {
        let file: String
        let gold: [Gold.Item]
        let found: [AgendaItem]
        let matched: Int
        let extra: [AgendaItem]
        let missed: [Gold.Item]

        init(file: String, gold: [Gold.Item], found: [AgendaItem], byPrefix: Bool) {
            self.file = file
            self.gold = gold
            self.found = found
            var unmatched = found
            var missed: [Gold.Item] = []
            for item in gold {
                let match = unmatched.firstIndex {
                    $0.number == item.number && (byPrefix ? $0.title.hasPrefix(item.title) : $0.title == item.title)
                }
                if let match { unmatched.remove(at: match) } else { missed.append(item) }
            }
            self.matched = gold.count - missed.count
            self.missed = missed
            self.extra = unmatched
        }

        var isExact: Bool { missed.isEmpty && extra.isEmpty }

        var description: String {
            var lines = ["\(file): \(matched) of \(gold.count) gold items found, \(extra.count) extra"]
            lines += missed.map { "  missing \($0.number) \"\($0.title)\"" }
            lines += extra.map { "  extra   \($0.number) \"\($0.title)\" @\($0.firstLine)" }
            return lines.joined(separator: "\n")
        }
    }

    static func files() throws -> [String: Gold] {
        try JSONDecoder().decode(
            [String: Gold].self, from: Data(contentsOf: root.appendingPathComponent("gold.json")))
    }

    static func compare(_ file: String, gold: Gold) throws -> Comparison {
        let data = try Data(contentsOf: root.appendingPathComponent("docs").appendingPathComponent(file))
        let meeting = MinutesParser.parse(String(decoding: data, as: UTF8.self))
        return Comparison(file: file, gold: gold.items, found: meeting.items, byPrefix: prefixTitles.contains(file))
    }

    static var fileNames: [String] { ((try? files()) ?? [:]).keys.sorted() }

    @Test("each file's items", arguments: fileNames)
    func file(_ name: String) throws {
        let gold = try #require(try Self.files()[name])
        let comparison = try Self.compare(name, gold: gold)
        if let reason = Self.knownMisses[name] {
            withKnownIssue(reason) { #expect(comparison.isExact, "\(comparison)") }
        } else {
            #expect(comparison.isExact, "\(comparison)")
        }
    }

    /// The issue's bar: at least 34 of the 36 gold items, and no item that is not in the gold.
    @Test("at least 34 of 36 items found, none extra")
    func totals() throws {
        let comparisons = try Self.files().sorted { $0.key < $1.key }.map { try Self.compare($0.key, gold: $0.value) }
        let gold = comparisons.map(\.gold.count).reduce(0, +)
        let matched = comparisons.map(\.matched).reduce(0, +)
        let extra = comparisons.map(\.extra.count).reduce(0, +)
        let report = comparisons.filter { !$0.isExact }.map(\.description).joined(separator: "\n")
        #expect(gold == 36)
        #expect(matched >= 34, "\(matched) of \(gold) found\n\(report)")
        #expect(extra == 0, "\(extra) extra items\n\(report)")
    }
}
