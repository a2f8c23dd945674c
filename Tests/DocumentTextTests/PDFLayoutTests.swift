import Foundation
import Testing

@testable import DocumentText

/// The typography step on small `pdftohtml -xml` pages written by hand: a body font at size 18,
/// (serif) single-spaced lines 21 apart (boxes 23 high), paragraphs 35 apart.
@Suite struct PDFLayoutTests {
    static let fonts = """
        <fontspec id="0" size="18" family="BAAAAA+DejaVuSerif" color="#000000"/>
        <fontspec id="1" size="24" family="CAAAAA+DejaVuSans" color="#4f81bd"/>
        <fontspec id="2" size="21" family="CAAAAA+DejaVuSans" color="#4f81bd"/>
        <fontspec id="3" size="18" family="DAAAAA+DejaVuSerif" color="#000000"/>
        <fontspec id="4" size="18" family="EAAAAA+DejaVuSans" color="#4f81bd"/>
        """

    func lines(_ texts: String...) throws -> [String] {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <pdf2xml producer="poppler"><page number="1" height="1188" width="918">
            \(Self.fonts)
            \(texts.joined(separator: "\n"))
            </page>
            <outline><item page="1">Not text of the page</item></outline>
            </pdf2xml>
            """
        let pages = try PDFLayout.pages(fromXML: Data(xml.utf8))
        return pages.joined(separator: "\u{0C}").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
    }

    func text(_ top: Int, _ content: String, left: Int = 108, font: Int = 0, height: Int = 23) -> String {
        "<text top=\"\(top)\" left=\"\(left)\" width=\"\(content.count * 10)\" height=\"\(height)\" font=\"\(font)\">\(content)</text>"
    }

    /// Enough body text for the body font and the line spacing to be what they are.
    var body: [String] {
        [
            text(700, "Klyngen drøftede sagen og var enig om, at der skal"),
            text(721, "arbejdes videre med den fælles plan for området."),
            text(756, "Sekretariatet udarbejder et oplæg til næste møde,"),
            text(777, "som sendes ud sammen med dagsordenen."),
        ]
    }

    @Test func largerFontsAreHeadingsBySizeAllBoldLinesAreBoldAndParagraphsAreLines() throws {
        let found = try lines(
            text(100, "<b>Referat</b>", font: 1, height: 31),
            text(143, "<b>Klyngestyregruppe Nord</b>", font: 2, height: 27),
            text(200, "Mødedato: 6. maj 2022"),
            text(221, "Mødested: Hjørring"),
            text(256, "1.", left: 126), text(256, "<b>Udpegning af deltagere</b>", left: 162, font: 3),
            text(291, "Der var <b>enighed</b> om indstillingen."),
            body[0], body[1], body[2], body[3])
        #expect(
            found == [
                "# Referat", "", "## Klyngestyregruppe Nord", "", "Mødedato: 6. maj 2022", "Mødested: Hjørring", "",
                "**1. Udpegning af deltagere**", "", "Der var enighed om indstillingen.", "",
                "Klyngen drøftede sagen og var enig om, at der skal arbejdes videre med den fælles plan for området.",
                "",
                "Sekretariatet udarbejder et oplæg til næste møde, som sendes ud sammen med dagsordenen.",
            ])
    }

    @Test func aLineInAnotherTypefaceIsEmphasisedButNotAListEntryOrItalicBodyText() throws {
        let found = try lines(
            text(100, "<i>7. Eventuelt (kl. 9.55-10.15)</i>", font: 4),
            text(123, "•", left: 126), text(123, "<b>herunder gensidig orientering</b>", left: 162, font: 3),
            text(158, "<i>Tværsektoriel frigørelse af personaleressourcer.</i>", font: 3),
            body[0], body[1], body[2], body[3])
        #expect(
            Array(found.prefix(4)) == [
                "**7. Eventuelt (kl. 9.55-10.15)**", "• herunder gensidig orientering", "",
                "Tværsektoriel frigørelse af personaleressourcer.",
            ])
    }

    @Test func typefacesAreComparedWithoutSubsetTagWeightOrSlant() {
        #expect(PDFLayout.typeface("BAAAAA+DejaVuSans") == "DejaVuSans")
        #expect(
            PDFLayout.typeface("Arial-BoldMT")
                == PDFLayout.typeface("ArialMT".replacingOccurrences(of: "MT", with: "-MT")))
        #expect(PDFLayout.typeface("Calibri,Italic") == "Calibri")
    }

    @Test func aHeadingWrappedOntoTheNextLineIsOneLine() throws {
        let found = try lines(
            text(100, "<b>Punkt 3: Indsats vedr. den ældre medicinske patient </b>", font: 2, height: 27),
            text(124, "<b>(DÆMP)</b>", font: 2, height: 27),
            text(164, "<b>Sagsfremstilling</b>", font: 3),
            text(185, "<b>Bilag</b>", font: 3),
            body[0], body[1], body[2], body[3])
        #expect(Array(found.prefix(2)) == ["# Punkt 3: Indsats vedr. den ældre medicinske patient (DÆMP)", ""])
        // Bold lines of the body size that did not wrap stay apart, though set alike.
        #expect(Array(found[2...3]) == ["**Sagsfremstilling**", "**Bilag**"])
    }

    @Test func aLineJoinsTheOneBeforeOnlyWhenThatOneWrapped() throws {
        // The body lines reach 608 at the right: a line ending short of it by less than the next
        // line's first word wrapped; one ending further left was broken on purpose.
        let found = try lines(
            text(100, "5.", left: 126), text(100, "Drøftelse af muligheden for etablering af", left: 162),
            text(121, "mobillaborantordningen i Nordklyngen.", left: 162),
            text(142, "I forbindelse med budgetaftalen", left: 108),
            text(163, "•", left: 126), text(163, "Godkender overskrift og", left: 162),
            text(184, "beskrivelse.", left: 162),
            text(219, "Sundhedsklyngen har drøftet den fælles plan for samarbej-"),
            text(240, "det og er enig."),
            body[0], body[1], body[2], body[3])
        #expect(
            Array(found.prefix(7)) == [
                "5. Drøftelse af muligheden for etablering af mobillaborantordningen i Nordklyngen.",
                "I forbindelse med budgetaftalen", "• Godkender overskrift og", "beskrivelse.", "",
                "Sundhedsklyngen har drøftet den fælles plan for samarbejdet og er enig.", "",
            ])
    }

    @Test func aParagraphGapStartsABlockRelativeToTheDocumentsOwnSpacing() throws {
        // Lines set one and a half apart (pitch 31): their gap is the line spacing, not a block.
        let found = try lines(
            text(100, "Første linje af et afsnit,"),
            text(131, "og anden linje af det samme afsnit."),
            text(162, "Tredje linje, stadig samme afsnit."),
            text(213, "Et nyt afsnit efter en større afstand."),
            text(244, "Og dets anden linje."),
            text(600, "En lang linje længere nede sætter sidens højre margen ved 708."))
        #expect(
            Array(found.prefix(6)) == [
                "Første linje af et afsnit,", "og anden linje af det samme afsnit.",
                "Tredje linje, stadig samme afsnit.", "", "Et nyt afsnit efter en større afstand.",
                "Og dets anden linje.",
            ])
    }

    @Test func piecesOnOneBaselineAreOneLineInReadingOrder() throws {
        let found = try lines(text(100, "til højre", left: 400), text(101, "Til venstre", left: 108), body[0])
        #expect(found.first == "Til venstre til højre")
    }

    @Test func controlCharactersInTheTextDoNotBreakTheXML() throws {
        #expect(try lines(text(100, "Punkt\u{01}1"), body[0]).first == "Punkt 1")
    }

    @Test func aPageWithoutTextIsAnEmptyPage() throws {
        let xml = "<pdf2xml><page number=\"1\"></page><page number=\"2\"></page></pdf2xml>"
        #expect(try PDFLayout.pages(fromXML: Data(xml.utf8)) == ["", ""])
    }
}
