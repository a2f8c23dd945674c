import Foundation
import Minutes
import Testing

/// The meeting metadata of fifteen real minutes from other publishers
/// (`../shared/realworld/docs`) against `../shared/realworld/gold.json`: one line per file.
@Suite("Real-world metadata")
struct RealWorldMetadataTests {
    struct Gold: Decodable {
        let meetingDate: String?
        let forum: String?
        let cluster: String?

        enum CodingKeys: String, CodingKey {
            case meetingDate = "meeting_date"
            case forum, cluster
        }
    }

    static let folder = Fixtures.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld")

    static func gold() throws -> [(file: String, gold: Gold)] {
        let data = try Data(contentsOf: folder.appendingPathComponent("gold.json"))
        return try JSONDecoder().decode([String: Gold].self, from: data).sorted { $0.key < $1.key }.map {
            ($0.key, $0.value)
        }
    }

    @Test("dates, forums and clusters against the gold; at least 14 of 15 dates")
    func metadata() throws {
        let files = try Self.gold()
        try #require(files.count == 15)
        var dates = 0
        var forums = 0
        var clusters = 0
        print("file | date gold → found | forum gold → found | cluster gold → found")
        for (file, gold) in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent("docs/\(file)"), encoding: .utf8)
            let meeting = MinutesParser.parse(text)
            let date = meeting.date?.iso == gold.meetingDate
            let forum = meeting.forum == gold.forum
            let cluster = meeting.cluster == gold.cluster
            dates += date ? 1 : 0
            forums += forum ? 1 : 0
            clusters += cluster ? 1 : 0
            func show(_ value: String?) -> String { value ?? "null" }
            print(
                "\(file.prefix(3)) | \(show(gold.meetingDate)) → \(show(meeting.date?.iso)) \(date ? "ok" : "WRONG")"
                    + " | \(show(gold.forum)) → \(show(meeting.forum)) \(forum ? "ok" : "wrong")"
                    + " | \(show(gold.cluster)) → \(show(meeting.cluster)) \(cluster ? "ok" : "wrong")"
                    + " | organisation \(show(meeting.organisation))")
        }
        print("dates \(dates)/15, forums \(forums)/15, clusters \(clusters)/15")
        #expect(dates >= 14)
        #expect(forums >= 14)
    }
}
