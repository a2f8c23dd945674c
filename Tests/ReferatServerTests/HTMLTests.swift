import ReferatCore
import Testing

@testable import ReferatServer

@Suite struct HTMLTests {
    @Test func markedTextIsEscapedWithMatchesInMark() {
        let text = MarkedText(segments: [
            .init(text: "<b>&", match: false), .init(text: "IPS'en", match: true), .init(text: " \"x\"", match: false),
        ])
        #expect(HTML.marked(text) == "&lt;b&gt;&amp;<mark>IPS&#39;en</mark> &quot;x&quot;")
    }

    @Test func paragraphsSplitAtBlankLinesKeepingMarks() {
        let text = MarkedText(segments: [
            .init(text: "Første ", match: false), .init(text: "palliation", match: true),
            .init(text: "\nlinje\n  \n\nAnden ", match: false), .init(text: "palliation", match: true),
        ])
        #expect(
            ItemPage.paragraphs(text).map(HTML.marked) == [
                "Første <mark>palliation</mark>\nlinje", "Anden <mark>palliation</mark>",
            ])
    }

    @Test func danishFormatting() {
        #expect(Danish.date("2022-05-03") == "3. maj 2022")
        #expect(Danish.date("ukendt") == "ukendt")
        #expect(Danish.number(1_234_567) == "1.234.567")
        #expect(Danish.number(12) == "12")
        #expect(Danish.seconds(.milliseconds(4)) == "0,004 sek.")
    }
}
