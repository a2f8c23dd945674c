import Testing

@testable import DocumentText

@Suite struct PageCleanerTests {
    /// Pages as PDFLayout gives them, a header and footer around some body lines.
    func pages(_ bodies: [[String]], header: (Int) -> String?, footer: (Int) -> String?) -> [String] {
        bodies.enumerated().map { index, body in
            ([header(index + 1)].compactMap { $0 } + body + [footer(index + 1)].compactMap { $0 }).joined(
                separator: "\n")
        }
    }

    @Test func runningHeadersAndFootersGoAlsoWhenOnlyThePageNumberDiffers() {
        let text = PageCleaner.clean(
            pages: pages(
                [["# Referat Klyngestyregruppe Nord", "1. Velkomst"], ["Indstilling"], ["2. Eventuelt"], ["Slut"]],
                header: { "Klyngestyregruppe Nord – møde \($0 == 1 ? "6. maj 2022" : "6. maj 2022")" },
                footer: { "Side \($0) af 4   Region Nordjylland" }))
        let lines = text.split(separator: "\n").map(String.init)
        // The first page's header stays: a running header is usually the title.
        #expect(lines.filter { $0.hasPrefix("Klyngestyregruppe Nord – møde") }.count == 1)
        #expect(lines.first == "Klyngestyregruppe Nord – møde 6. maj 2022")
        #expect(!text.contains("Side "), "\(text)")
        #expect(lines.contains("1. Velkomst") && lines.contains("Indstilling") && lines.contains("Slut"))
    }

    @Test(arguments: ["3", "- 3 -", "Side 3", "side 3 af 12", "3/12", "Page 3 of 12", "– 3 –"])
    func barePageNumbersGo(_ number: String) {
        let text = PageCleaner.clean(pages: ["Deltagere\nAnne Hansen", "Beslutning\nGodkendt.\n\(number)"])
        #expect(text == "Deltagere\nAnne Hansen\n\nBeslutning\nGodkendt.", "\(number)")
    }

    @Test func aNumberInsideThePageStays() {
        let text = PageCleaner.clean(pages: ["Deltagere\nAnne\nBent\nBudget\n12\nmio. kr.\nCarl\nDorte\nErik"])
        #expect(text.contains("\n12\n"))
    }

    @Test func aWordHyphenatedAcrossAPageBreakIsJoined() {
        let text = PageCleaner.clean(pages: [
            "Klyngen drøftede sundheds-\n7", "Side 8\nklyngens budget for 2023.", "Børne- og\n", "Ungepsykiatri mødes.",
        ])
        #expect(text.contains("Klyngen drøftede sundhedsklyngens budget for 2023."), "\(text)")
        #expect(text.contains("Børne- og"), "a line ending in 'og' is not hyphenated")
        let suspended = PageCleaner.clean(pages: ["Social-\n", "og sundhedsfagligt personale"])
        #expect(suspended.contains("Social- og sundhedsfagligt personale"), "\(suspended)")
    }

    @Test func ligaturesAreExpanded() {
        #expect(
            PageCleaner.clean(pages: ["\u{FB01}nansiering, \u{FB02}ytning, o\u{FB00}entlig, e\u{FB03}cient"])
                == "finansiering, flytning, offentlig, efficient")
    }

    @Test func aLineThatRecursOnlyOnAFewPagesStays() {
        // "Beslutning" tops two of six pages: content, not a running header.
        let topics = ["budgettet", "akutplanen", "psykiatrien", "genoptræning", "rehabilitering", "seminaret"]
        let bodies = topics.enumerated().map { page, topic in
            [
                page == 1 || page == 4 ? "Beslutning" : "Sagsfremstilling om \(topic)", "Klyngen drøftede \(topic).",
                "Om \(topic):",
            ]
                + ["enighed", "opfølgning", "intet videre"].map { "\($0) om \(topic)" }
        }
        let text = PageCleaner.clean(pages: pages(bodies, header: { _ in "REFERAT" }, footer: { _ in nil }))
        #expect(text.components(separatedBy: "Beslutning").count - 1 == 2)
        #expect(text.components(separatedBy: "Sagsfremstilling").count - 1 == 4)
        #expect(text.components(separatedBy: "intet videre").count - 1 == 6)
        #expect(text.components(separatedBy: "REFERAT").count - 1 == 1, "only the first page's header stays")
    }

    @Test func onePageKeepsEverythingButItsPageNumber() {
        #expect(PageCleaner.clean(pages: ["REFERAT\nPunkt 1\n1"]) == "REFERAT\nPunkt 1")
    }
}
