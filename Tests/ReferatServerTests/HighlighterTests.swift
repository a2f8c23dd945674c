import Testing

@testable import ReferatServer

@Suite struct HighlighterTests {
    @Test(arguments: [
        (
            "palliation", "Palliationen og palliation, ikke palliativ.",
            "<mark>Palliationen</mark> og <mark>palliation</mark>, ikke palliativ."
        ),
        ("akutplanen", "Akutplan og akutplaner", "<mark>Akutplan</mark> og <mark>akutplaner</mark>"),
        ("palli*", "palliativ indsats", "<mark>palliativ</mark> indsats"),
        ("IPS -budget", "IPS'en og budget", "<mark>IPS</mark>&#39;en og budget"),
        ("klynge:nord titel:akutplan", "Nord akutplan", "Nord <mark>akutplan</mark>"),
        ("\"mobil blodprøvetagning\"", "Mobil blodprøvetagning", "<mark>Mobil</mark> <mark>blodprøvetagning</mark>"),
        ("IPS AND OR", "and or IPS", "and or <mark>IPS</mark>"),
        ("x", "<b>&</b>", "&lt;b&gt;&amp;&lt;/b&gt;"),
        ("", "a < b", "a &lt; b"),
    ])
    func marksTheQueryWords(query: String, text: String, expected: String) {
        #expect(Highlighter(query: query).html(text) == expected)
    }

    @Test func stemsAreCutLikeSnowball() {
        #expect(Highlighter.stem("palliationen") == "palliation")
        #expect(Highlighter.stem("kommunerne") == "kommun")
        #expect(Highlighter.stem("ene") == "ene")
    }

    @Test func danishFormatting() {
        #expect(Danish.date("2022-05-03") == "3. maj 2022")
        #expect(Danish.date("ukendt") == "ukendt")
        #expect(Danish.number(1_234_567) == "1.234.567")
        #expect(Danish.number(12) == "12")
        #expect(Danish.seconds(.milliseconds(4)) == "0,004 sek.")
    }
}
