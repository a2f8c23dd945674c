import Minutes
import Testing

@Suite("Sections inside an agenda item")
struct SectionTests {
    @Test("body, case description, recommendation and decision, in document order")
    func kinds() throws {
        let meeting = MinutesParser.parse(
            lines(
                "# Referat", "",
                "## 1. Mobil blodprøvetagning", "Indledende tekst.", "",
                "### Sagsfremstilling", "Regionen har undersøgt sagen.", "",
                "### **Indstilling:**", "Det indstilles, at gruppen godkender.", "",
                "### **Beslutning**", "Godkendt."))
        let item = try #require(meeting.items.first)
        #expect(item.sections.map(\.kind) == [.body, .caseDescription, .recommendation, .decision])
        #expect(item.sections.map(\.heading) == [nil, "Sagsfremstilling", "Indstilling:", "Beslutning"])
        #expect(
            item.sections.map(\.text) == [
                "Indledende tekst.", "Regionen har undersøgt sagen.", "Det indstilles, at gruppen godkender.",
                "Godkendt.",
            ])
    }

    static let headings: [(line: String, kind: SectionKind?)] = [
        ("### Sagsfremstilling", .caseDescription),
        ("#### **Beskrivelse af sagen**", .caseDescription),
        ("Baggrund:", .caseDescription),
        ("### Indstilling", .recommendation),
        ("### **Det indstilles, at Politisk Niveau:**", .recommendation),
        ("Det indstilles:", .recommendation),
        ("### Beslutning", .decision),
        ("#### **REFERAT**", .decision),
        ("Konklusion", .decision),
        ("Resumé", .caseDescription),
        ("Sagsforløb: BY", .caseDescription),
        ("Økonomiske konsekvenser og finansiering", .caseDescription),
        ("Beslutning i Kommunalbestyrelsen den 06-06-2018", .decision),
        ("Beslutning i Økonomiudvalget den 1. oktober 2018:", .decision),
        ("Behandling i Socialudvalget den 3. maj 2021", .decision),
        ("Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 15", .decision),
        ("Referat: Godkendt", .decision),
        ("Referat:", .decision),
        // Text, not headings: a plain sentence, a sub-heading that is not a section.
        ("Beslutning i sagen blev udsat.", nil),
        ("Udvalget, 03-03-2016, blev orienteret", nil),
        ("Det indstilles, at Klyngestyregruppe Nord:", nil),
        ("### **Bilag:**", nil),
        ("#### **Økonomi:**", nil),
        ("Beslutningen blev udsat.", nil),
    ]

    @Test("section heading shapes", arguments: headings)
    func heading(line: String, kind: SectionKind?) throws {
        let meeting = MinutesParser.parse(lines("# Referat", "", "## 1. Sag", "Første tekst.", line, "Mere tekst."))
        let item = try #require(meeting.items.first)
        if let kind {
            #expect(item.sections.map(\.kind) == [.body, kind])
        } else {
            #expect(item.sections.map(\.kind) == [.body])
        }
    }

    @Test("an item whose first line is a section heading has no body section")
    func noBody() throws {
        let meeting = MinutesParser.parse(
            lines("# Referat", "", "## **Punkt 1: Eventuelt**", "", "### **Beslutning**", "", "Ingen bemærkninger."))
        let item = try #require(meeting.items.first)
        #expect(item.sections == [Section(kind: .decision, heading: "Beslutning", text: "Ingen bemærkninger.")])
    }

    @Test("a label with text on its line: the text opens the section")
    func inlineText() throws {
        let meeting = MinutesParser.parse(
            lines("# Referat", "", "## 1. Sag", "Tekst.", "Referat: Godkendt", "Uden ændringer."))
        let decision = try #require(meeting.items.first?.sections.last)
        #expect(decision.kind == .decision)
        #expect(decision.heading == "Referat:")
        #expect(decision.text.hasPrefix("Godkendt"))
        #expect(decision.text.hasSuffix("Uden ændringer."))
    }

    @Test("the item text holds every section, headings included")
    func itemText() throws {
        let meeting = MinutesParser.parse(lines("# Referat", "", "## 1. Sag", "Tekst.", "### Beslutning", "Godkendt."))
        #expect(meeting.items.first?.text == "Tekst.\n\nBeslutning\nGodkendt.")
    }
}
