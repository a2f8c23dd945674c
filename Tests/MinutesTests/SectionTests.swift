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
        // Text, not headings: a plain sentence, a sub-heading that is not a section.
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

    @Test("the item text holds every section, headings included")
    func itemText() throws {
        let meeting = MinutesParser.parse(lines("# Referat", "", "## 1. Sag", "Tekst.", "### Beslutning", "Godkendt."))
        #expect(meeting.items.first?.text == "Tekst.\n\nBeslutning\nGodkendt.")
    }
}
