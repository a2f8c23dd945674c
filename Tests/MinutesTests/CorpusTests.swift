import DanishText
import Foundation
import Minutes
import Testing

/// Each sample file parsed and compared with the gold segmentation in eval/items.json.
@Suite("Sample minutes against the gold segmentation")
struct CorpusTests {
    @Test("items: count, numbers, titles, first and last lines", arguments: Fixtures.sampleFiles)
    func items(file: String) throws {
        let gold = try #require(try Fixtures.gold()[file])
        let meeting = MinutesParser.parse(try Fixtures.text(of: file))

        #expect(meeting.items.count == gold.items.count)
        for (item, expected) in zip(meeting.items, gold.items) {
            #expect(item.number == expected.number)
            #expect(item.title == expected.title)
            #expect(item.firstLine == expected.firstLine)
            #expect(item.lastLine == expected.lastLine, "item \(expected.number)")
        }
    }

    /// The same files as text comes out of a PDF: no `#` heading marks, no `**` bold.
    @Test("items with the markdown marks stripped", arguments: Fixtures.sampleFiles)
    func markdownStripped(file: String) throws {
        let gold = try #require(try Fixtures.gold()[file])
        let meeting = MinutesParser.parse(Fixtures.strippingMarkdown(try Fixtures.text(of: file)))

        #expect(meeting.items.map(\.number) == gold.items.map(\.number))
        #expect(meeting.items.map(\.title) == gold.items.map(\.title))
        #expect(meeting.items.map(\.firstLine) == gold.items.map(\.firstLine))
        #expect(meeting.items.map(\.lastLine) == gold.items.map(\.lastLine))
    }

    @Test("each gold quote is in its item's text", arguments: Fixtures.sampleFiles)
    func quotes(file: String) throws {
        let gold = try #require(try Fixtures.gold()[file])
        let meeting = MinutesParser.parse(try Fixtures.text(of: file))
        try #require(meeting.items.count == gold.items.count)
        for (item, expected) in zip(meeting.items, gold.items) {
            let quote = collapsed(Normalizer.cleanLine(expected.quote))
            #expect(collapsed(item.text).contains(quote), "item \(expected.number): \(quote)")
        }
    }

    @Test("metadata: cluster, forum, region, date", arguments: Fixtures.sampleFiles)
    func metadata(file: String) throws {
        let gold = try #require(try Fixtures.gold()[file]).meeting
        let meeting = MinutesParser.parse(try Fixtures.text(of: file))

        #expect(meeting.cluster == gold.cluster)
        #expect(meeting.forum == gold.forum)
        #expect(meeting.region == gold.region)
        #expect(meeting.date?.iso == gold.date)
        #expect(meeting.dateSource?.rawValue == gold.dateSource)
    }

    @Test("no item overlaps a gold non-item region", arguments: Fixtures.sampleFiles)
    func nonItemRegions(file: String) throws {
        let gold = try #require(try Fixtures.gold()[file])
        let meeting = MinutesParser.parse(try Fixtures.text(of: file))
        for region in gold.nonItemRegions {
            for item in meeting.items {
                let overlaps = item.firstLine <= region.lastLine && region.firstLine <= item.lastLine
                #expect(!overlaps, "item \(item.number) overlaps lines \(region.firstLine)–\(region.lastLine)")
            }
        }
    }

    /// The titles the documents give themselves, as cleaned title lines.
    @Test(
        "document titles",
        arguments: zip(
            Fixtures.sampleFiles,
            [
                "Referat Klyngestyregruppe Nord",
                "REFERAT Faglig Sundhedsklynge Nord d. 24-08-2023",
                "REFERAT Politisk Niveau Sundhedsklynge Midt d. 28-11-2024",
                "REFERAT KLYNGESTYREGRUPPEMØDE MIDTKLYNGEN",
                "Referat Klyngestyregruppe Syd",
            ]))
    func titles(file: String, title: String) throws {
        #expect(MinutesParser.parse(try Fixtures.text(of: file)).title == title)
    }
}
