import Foundation
import Minutes
import ReferatTestSupport
import Testing

@testable import DocumentText

/// The five samples as DOCX (pandoc; 000 with Word list numbering), as PDF (LibreOffice from
/// the DOCX) and as HTML (pandoc), made by `scripts/make-format-fixtures.sh`: each gives the
/// agenda items of the gold data (`shared/eval/items.json`) and the meeting metadata of the
/// text file.
@Suite struct FixtureTests {
    struct Gold: Decodable {
        struct Item: Decodable, Equatable {
            let number: Int
            let title: String
        }
        let items: [Item]
    }

    static let gold: [String: Gold] = {
        let url = Repository.shared.appendingPathComponent("eval/items.json")
        return (try? JSONDecoder().decode([String: Gold].self, from: Data(contentsOf: url))) ?? [:]
    }()

    struct Metadata: Equatable {
        let cluster: String?, forum: String?, region: String?, date: String?
        init(_ meeting: Meeting) {
            cluster = meeting.cluster
            forum = meeting.forum
            region = meeting.region
            date = meeting.date.map { "\($0)" }
        }
    }

    func meeting(_ format: String, _ sample: String) throws -> Meeting {
        let data = try TestFiles.fixture("\(format)/\(sample).\(format)")
        return MinutesParser.parse(try DocumentReader().read(data, name: "\(sample).\(format)").text)
    }

    /// Items found in the gold per sample, with the mismatches recorded as issues.
    func compare(_ format: String) throws -> Int {
        var found = 0
        for sample in TestFiles.samples {
            let gold = try #require(Self.gold[sample + ".txt"]).items
            let text = try String(
                contentsOf: Repository.corpus.appendingPathComponent(sample + ".txt"), encoding: .utf8)
            let original = MinutesParser.parse(text)
            let read = try meeting(format, sample)
            let items = read.items.map { Gold.Item(number: $0.number, title: $0.title) }
            found += items.filter { gold.contains($0) }.count
            #expect(items == gold, "\(format) \(sample): items")
            #expect(Metadata(read) == Metadata(original), "\(format) \(sample): metadata")
        }
        return found
    }

    /// A PDF's headings come from its typography (`PDFLayout`): the same items as the text files.
    @Test(arguments: ["docx", "html", "pdf"])
    func eachFormatGivesTheItemsAndMetadataOfTheTextFiles(_ format: String) throws {
        #expect(try compare(format) == 44)
    }

    @Test func theNumberedDOCXHasItsAgendaNumbersOnlyAsWordNumbering() throws {
        // The fixture's numbers exist nowhere as text: only numbering.xml makes them.
        let data = try TestFiles.fixture("docx/000_9285af0b1d2d00d2.docx")
        let text = try DocumentReader().read(data, name: "x.docx").text
        #expect(text.contains("**2. Foreløbigt program 12:12 Seminar**"))
        #expect(try meeting("docx", "000_9285af0b1d2d00d2").items.map(\.number) == [1, 2, 3, 4, 5, 6])
    }
}
