import Foundation
import Testing

@testable import DocumentText

@Suite struct FormatDetectionTests {
    @Test func contentDecidesOverTheName() throws {
        let pdf = try TestFiles.fixture("pdf/004_6fef7745cb6f1a69.pdf")
        #expect(DocumentFormat.detect(pdf, name: "referat.txt") == .pdf)
        let read = try DocumentReader().read(pdf, name: "referat.txt")
        #expect(read.format == .pdf)
        #expect(read.text.contains("Klyngestyregruppe Syd"))
        #expect(DocumentFormat.detect(try TestFiles.fixture("docx/004_6fef7745cb6f1a69.docx"), name: "x.md") == .docx)
        #expect(DocumentFormat.detect(try TestFiles.fixture("html/004_6fef7745cb6f1a69.html"), name: "x.txt") == .html)
    }

    @Test(arguments: [
        ("<!DOCTYPE html>\n<p>x</p>", DocumentFormat.html), ("\u{FEFF}  <!-- saved -->\n<html lang=\"da\">", .html),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
        ("# Referat\n<b>fed</b>", .text), ("Referat <html> nævnt i teksten", .text),
    ])
    func htmlIsKnownByItsFirstTag(_ text: String, _ format: DocumentFormat) {
        #expect(DocumentFormat.detect(Data(text.utf8), name: "a.txt") == format)
    }

    @Test func theNameDecidesOnlyWhenTheContentDoesNot() {
        #expect(DocumentFormat.detect(Data("Referat".utf8), name: "a.htm") == .html)
        #expect(DocumentFormat.detect(Data("Referat".utf8), name: "a.md") == .text)
    }
}

@Suite struct WordTests {
    /// An abstract list: level 0 "%1." decimal from 1, level 1 "%1.%2" lowerLetter... as given.
    func numbering(levels: [(format: String, text: String, start: Int)], instances: String) -> String {
        let lvls = levels.enumerated().map { index, level in
            "<w:lvl w:ilvl=\"\(index)\"><w:start w:val=\"\(level.start)\"/><w:numFmt w:val=\"\(level.format)\"/><w:lvlText w:val=\"\(level.text)\"/></w:lvl>"
        }.joined()
        return "<w:abstractNum w:abstractNumId=\"7\">\(lvls)</w:abstractNum>" + instances
    }

    func text(_ paragraphs: [String], numbering: String? = nil, styles: String? = nil) throws -> [String] {
        let data = try TestFiles.docx(body: paragraphs.joined(), numbering: numbering, styles: styles)
        return try DocumentReader().read(data, name: "a.docx").text.split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
    }

    @Test func listNumbersAreRenderedAsWordShowsThem() throws {
        let xml = numbering(
            levels: [("decimal", "%1.", 3), ("lowerLetter", "%2)", 1), ("upperRoman", "%1.%3", 1)],
            instances: "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>")
        let lines = try text(
            [
                TestFiles.paragraph("Godkendelse", list: (1, 0)), TestFiles.paragraph("Sag", list: (1, 1)),
                TestFiles.paragraph("Bilag", list: (1, 1)), TestFiles.paragraph("Budget", list: (1, 0)),
                TestFiles.paragraph("Ny sag", list: (1, 1)), TestFiles.paragraph("Romertal", list: (1, 2)),
                TestFiles.paragraph("Romertal igen", list: (1, 2)),
            ], numbering: xml
        ).filter { !$0.isEmpty }
        #expect(
            lines == [
                "3. Godkendelse", "a) Sag", "b) Bilag", "4. Budget", "a) Ny sag", "4.I Romertal", "4.II Romertal igen",
            ])
    }

    @Test func instancesShareTheirListUnlessTheyRestartIt() throws {
        let xml = numbering(
            levels: [("decimal", "%1.", 1)],
            instances: """
                <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
                <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
                <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="38"/></w:lvlOverride></w:num>
                """)
        let lines = try text(
            [
                TestFiles.paragraph("A", list: (1, 0)), TestFiles.paragraph("B", list: (2, 0)),
                TestFiles.paragraph("C", list: (3, 0)), TestFiles.paragraph("D", list: (3, 0)),
                TestFiles.paragraph("E", list: (0, 0)),
            ], numbering: xml)
        #expect(lines.filter { !$0.isEmpty } == ["1. A", "2. B", "38. C", "39. D", "E"])
    }

    @Test func headingStylesBoldParagraphsTablesAndBreaks() throws {
        let styles = """
            <w:style w:styleId="Overskrift2"><w:name w:val="heading 2"/></w:style>
            <w:style w:styleId="Dagsorden"><w:name w:val="Dagsordenpunkt"/><w:basedOn w:val="Overskrift2"/></w:style>
            <w:style w:styleId="Brdtekst"><w:name w:val="Body Text"/></w:style>
            """
        let table = """
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Navn</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Rolle</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Anne</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>formand</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """
        let lines = try text(
            [
                TestFiles.paragraph("Referat", style: "Title"), TestFiles.paragraph("1. Velkomst", style: "Dagsorden"),
                TestFiles.paragraph("Beslutning", style: "Brdtekst", bold: true),
                "<w:p><w:r><w:t>Første linje</w:t><w:br/><w:t>anden</w:t><w:tab/><w:t>kolonne</w:t></w:r></w:p>", table,
                "<w:p><w:r><w:t>Slut</w:t></w:r></w:p>",
            ], styles: styles)
        #expect(
            lines == [
                "# Referat", "", "## 1. Velkomst", "", "**Beslutning**", "", "Første linje", "anden\tkolonne", "",
                "Navn\tRolle", "Anne\tformand", "", "Slut", "",
            ])
    }
}

@Suite struct HTMLTests {
    func lines(_ html: String) throws -> [String] {
        try DocumentReader().read(Data(html.utf8), name: "a.html").text.split(separator: "\n").map(String.init).filter {
            !$0.isEmpty
        }
    }

    @Test func blocksHeadingsListsAndTables() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Side</title><style>p{}</style><script>var x = "<p>nej</p>";</script></head>
            <body><header><nav><a href="/">Forside</a></nav></header>
            <div id="cookie-banner"><p>Vi bruger cookies</p></div>
            <main><h1>Referat <em>Ældrerådet</em></h1><p>Mødedato: 3. marts 2016</p>
            <ol start="24"><li>Godkendelse af dagsorden</li><li value="30"><p>Budget</p><ul><li>bilag</li></ul></li><li>Eventuelt</li></ol>
            <ol type="a"><li>under</li><li>punkt</li></ol>
            <h2><strong>Beslutning</strong></h2><p><b>Godkendt</b></p><p>Tekst med <b>fed</b> del<br>og linjeskift</p>
            <table><tr><th>Navn</th><th>Rolle</th></tr><tr><td>Anne</td><td>formand</td></tr><tr><td colspan="2">Én celle</td></tr></table>
            <p hidden>skjult</p><p aria-hidden="true">skjult</p><aside>Relateret</aside><noscript>slå JS til</noscript>
            </main><footer>Kontakt os</footer></body></html>
            """
        #expect(
            try lines(html) == [
                "# Referat Ældrerådet", "Mødedato: 3. marts 2016", "24. Godkendelse af dagsorden", "30. Budget",
                "• bilag",
                "31. Eventuelt", "a. under", "b. punkt", "## Beslutning", "**Godkendt**", "Tekst med fed del",
                "og linjeskift",
                "Navn\tRolle", "Anne\tformand", "Én celle",
            ])
    }

    @Test func theCharsetComesFromTheMetaTagOrTheBytes() throws {
        let latin1 = try #require(
            "<html><head><meta charset=\"windows-1252\"></head><body><p>Ældre på sygehuset</p></body></html>".data(
                using: .windowsCP1252))
        #expect(try DocumentReader().read(latin1, name: "a.html").text.contains("Ældre på sygehuset"))
        let undeclared = try #require("<html><body><p>Ældre på sygehuset</p></body></html>".data(using: .windowsCP1252))
        #expect(try DocumentReader().read(undeclared, name: "a.html").text.contains("Ældre på sygehuset"))
        let utf8 = Data("<html><body><p>Ældre på sygehuset</p></body></html>".utf8)
        #expect(try DocumentReader().read(utf8, name: "a.html").text.contains("Ældre på sygehuset"))
    }
}
