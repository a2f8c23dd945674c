import Minutes
import Testing

/// One synthetic file per segmentation rule: (what the rule says, file, expected items).
struct HeadingCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let expected: [ItemHead]
    var testDescription: String { rule }
}

@Suite("Agenda heading rules")
struct HeadingRuleTests {
    static let cases: [HeadingCase] = [
        HeadingCase(
            rule: "markdown and bold headings of any level, numbered from 1",
            text: lines(
                "# Referat", "## Styregruppe Nord", "",
                "## 1. Velkomst", "Tekst.", "",
                "### **2. Status på projektet**", "Tekst.", "",
                "#### **3. Eventuelt**", "Intet."),
            expected: [ItemHead(1, "Velkomst", 4), ItemHead(2, "Status på projektet", 7), ItemHead(3, "Eventuelt", 10)]),
        HeadingCase(
            rule: "\"Punkt N:\" headings, also with a lower-case title",
            text: lines(
                "# REFERAT Faglig Sundhedsklynge Nord", "",
                "# Punkt 1: Deltagere", "Navne.", "",
                "## **Punkt 2: eNærhospital**", "Tekst.", "",
                "<b>Punkt 3: Eventuelt</b>", "Intet."),
            expected: [ItemHead(1, "Deltagere", 3), ItemHead(2, "eNærhospital", 6), ItemHead(3, "Eventuelt", 9)]),
        HeadingCase(
            rule: "a plain numbered line is a heading in a document without markup",
            text: lines(
                "Referat Klyngestyregruppe Syd", "",
                "1. Velkomst og godkendelse af dagsorden", "", "Dagsorden blev godkendt.", "",
                "2. Status fra driftsgruppen", "", "Orientering blev taget til efterretning.", "",
                "3. Evt.", "", "Intet til dette punkt"),
            expected: [
                ItemHead(1, "Velkomst og godkendelse af dagsorden", 3), ItemHead(2, "Status fra driftsgruppen", 7),
                ItemHead(3, "Evt.", 11),
            ]),
        HeadingCase(
            rule: "a date line is not an item, even when its number fits",
            text: lines(
                "21. september 2022", "", "Referat Styregruppe", "",
                "1. Velkomst", "Mødet blev holdt den", "2. Februar 2023 i Aalborg.", "Dagsordenen blev godkendt.", "",
                "2. Status", "Orientering.", "", "Mere tekst.", "",
                "3. Eventuelt", "Intet."),
            expected: [ItemHead(1, "Velkomst", 5), ItemHead(2, "Status", 10), ItemHead(3, "Eventuelt", 15)]),
        HeadingCase(
            rule: "a numbered line in a Bilag list is an attachment, not an item",
            text: lines(
                "Referat Styregruppe Syd", "",
                "1. Velkomst", "Velkommen til mødet.", "Bilag:", "2. Årshjul for samarbejdsaftaler",
                "Dagsordenen blev godkendt.", "",
                "2. Status fra driftsgruppen", "Orientering.", "", "Mere tekst.", "",
                "3. Eventuelt", "Intet."),
            expected: [
                ItemHead(1, "Velkomst", 3), ItemHead(2, "Status fra driftsgruppen", 9), ItemHead(3, "Eventuelt", 14),
            ]),
        HeadingCase(
            rule: "a run of numbered lines is a list, even where the next agenda number fits",
            text: lines(
                "Referat Styregruppe Syd", "",
                "1. Velkomst", "Det indstilles, at styregruppen:", "2. Godkender dagsordenen", "3. Godkender referatet",
                "",
                "Dagsordenen blev godkendt.", "",
                "2. Status fra driftsgruppen", "Orientering.", "", "Mere tekst.", "",
                "3. Eventuelt", "Intet."),
            expected: [
                ItemHead(1, "Velkomst", 3), ItemHead(2, "Status fra driftsgruppen", 10), ItemHead(3, "Eventuelt", 15),
            ]),
        HeadingCase(
            rule: "a table of contents is skipped",
            text: lines(
                "Referat Styregruppe Syd", "Indholdsfortegnelse",
                "1. Velkomst ..... 2", "", "2. Status ..... 3", "",
                "1. Velkomst", "Dagsordenen blev godkendt.", "", "Tekst.", "",
                "2. Status", "Orientering om status."),
            expected: [ItemHead(1, "Velkomst", 7), ItemHead(2, "Status", 12)]),
        HeadingCase(
            rule: "table rows are not headings",
            text: lines(
                "# Referat Sundhedsklynge Midt", "",
                "## **Punkt 1: Status**", "Indsats\tAnbefaling", "<b>2. Lænderyg</b>\tVidereføres", "",
                "## **Punkt 2: Eventuelt**", "Intet."),
            expected: [ItemHead(1, "Status", 3), ItemHead(2, "Eventuelt", 7)]),
        HeadingCase(
            rule: "with markup headings, a plain line never extends the agenda",
            text: lines(
                "# Referat", "",
                "## 1. Velkomst", "Tekst.", "",
                "## 2. Beslutninger", "Det blev besluttet:", "", "3. At projektet fortsætter i 2025."),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "Beslutninger", 6)]),
        HeadingCase(
            rule: "with markup headings, a plain line may fill a gap between them",
            text: lines(
                "# Referat", "",
                "## 1. Velkomst", "Tekst.", "",
                "2. Status", "Tekst.", "",
                "## 3. Eventuelt", "Intet."),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "Status", 6), ItemHead(3, "Eventuelt", 9)]),
        HeadingCase(
            rule: "a sentence starting with a number is not a heading",
            text: lines(
                "Referat Styregruppe", "",
                "1. Velkomst", "Tekst.", "",
                "2. halvår 2023 bliver travlt.", "",
                "2. Status", "Orientering."),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "Status", 8)]),
        HeadingCase(
            rule: "a plain heading that fills the line wraps onto the next, short line",
            text: lines(
                "Referat Klyngestyregruppe Syd", "",
                "1. Velkomst ved formanden", "", fullLine, "", fullLine, "", fullLine, "",
                "2. Orientering om hvordan borgerne har været inddraget i processen med sundhedshus i", "",
                "Hobro ved Søren Aalund", "", fullLine, "", fullLine, "", fullLine, "",
                "3. Evt.", "", "Intet til dette punkt"),
            expected: [
                ItemHead(1, "Velkomst ved formanden", 3),
                ItemHead(
                    2,
                    "Orientering om hvordan borgerne har været inddraget i processen med sundhedshus i Hobro ved Søren Aalund",
                    11),
                ItemHead(3, "Evt.", 21),
            ]),
        HeadingCase(
            rule: "a short plain heading does not take the next line",
            text: lines(
                "Referat Klyngestyregruppe Syd", "",
                "1. Velkomst", "", "Kort tekst", "", fullLine, "", fullLine, "",
                "2. Evt.", "", "Intet"),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "Evt.", 11)]),
        HeadingCase(
            rule: "an agenda listed as headings at the top is not the items: items have bodies",
            text: lines(
                "# Referat", "## Dagsorden", "### 1. Velkomst", "### 2. Status", "",
                "### 1. Velkomst", "Tekst.", "", "Mere tekst.", "",
                "### 2. Status", "Tekst."),
            expected: [ItemHead(1, "Velkomst", 6), ItemHead(2, "Status", 11)]),
        // Layouts of Danish publishers' agenda systems (see ../shared/realworld/).
        HeadingCase(
            rule: "\"Pkt. N Title\", \"Punkt N - Title\", numbered for the year (from 15)",
            text: lines(
                "Referat", "", "Pkt. 15 Godkendelse af dagsorden", "Godkendt.", "",
                "Pkt. 16 Budgetopfølgning", "Taget til efterretning.", "", "Punkt 17 - Eventuelt", "Intet."),
            expected: [
                ItemHead(15, "Godkendelse af dagsorden", 3), ItemHead(16, "Budgetopfølgning", 6),
                ItemHead(17, "Eventuelt", 9),
            ]),
        HeadingCase(
            rule: "\"Pkt. N\" alone, the title on the next line; a bulleted link line before it is the same heading",
            text: lines(
                "Referat", "  • Pkt. 15 Beslutninger om dagsordenen", "", "    Pkt. 15", "",
                "    Beslutninger om dagsordenen", "", "    Godkendt.", "",
                "  • Pkt. 16 Temadrøftelse", "", "    Pkt. 16", "", "    Temadrøftelse", "", "    Drøftet."),
            expected: [ItemHead(15, "Beslutninger om dagsordenen", 2), ItemHead(16, "Temadrøftelse", 10)]),
        HeadingCase(
            rule: "\"Sag nr. N\" alone, the title on the line before",
            text: lines(
                "Referat", "", "Godkendelse af dagsorden", "Sag nr. 24", "", "Godkendt.", "",
                "Orientering fra formanden", "Sag nr. 25", "", "Taget til efterretning."),
            expected: [ItemHead(24, "Godkendelse af dagsorden", 3), ItemHead(25, "Orientering fra formanden", 8)]),
        HeadingCase(
            rule: "\"N: Title\", a number and spaces without a dot, and a number glued to the title",
            text: lines(
                "Referat", "", "1: Godkendelse af dagsorden", "Godkendt.", "",
                "2     Meddelelser", "Ingen.", "", "3Eventuelt", "Intet."),
            expected: [
                ItemHead(1, "Godkendelse af dagsorden", 3), ItemHead(2, "Meddelelser", 6), ItemHead(3, "Eventuelt", 9),
            ]),
        HeadingCase(
            rule: "numbers running for the year, glued to their titles (38, 39)",
            text: lines(
                "Referat", "", "38Godkendelse af dagsorden", "Godkendt.", "", "39Regnskab 2023", "Godkendt."),
            expected: [ItemHead(38, "Godkendelse af dagsorden", 3), ItemHead(39, "Regnskab 2023", 6)]),
        HeadingCase(
            rule: "a list renumbered to 1. for every item counts its items in order",
            text: lines(
                "Referat", "", " 1. Godkendelse af referatet.", "", "Referat: Godkendt", "",
                " 1. Høringssvar.", "", "Et svar sendes.", "",
                " 1. Eventuelt.", "", "Referat: Intet.", "", "23. maj 2016 kl. 10:00-12:00"),
            expected: [
                ItemHead(1, "Godkendelse af referatet.", 3), ItemHead(2, "Høringssvar.", 7),
                ItemHead(3, "Eventuelt.", 11),
            ]),
        HeadingCase(
            rule: "sub-items \"2. a.\" belong to item 2",
            text: lines(
                "Dagsorden", "", "1. Godkendelse af dagsorden", "Godkendt.", "",
                "2. Ansøgninger", "Tekst.", "", "2. a. Styrkepositioner", "Tekst.", "", "2. b. Klynger", "Tekst.", "",
                "3. Eventuelt", "Intet."),
            expected: [
                ItemHead(1, "Godkendelse af dagsorden", 3), ItemHead(2, "Ansøgninger", 6), ItemHead(3, "Eventuelt", 15),
            ]),
        HeadingCase(
            rule: "a heading printed twice (a link line, then the heading) is one heading",
            text: lines(
                "Referat", "", "1. Godkendelse af dagsorden (B)", "", "1.     Godkendelse af dagsorden (B)", "",
                "Godkendt.", "", "2. Meddelelser (O)", "", "2.     Meddelelser (O)", "", "Ingen."),
            expected: [ItemHead(1, "Godkendelse af dagsorden (B)", 3), ItemHead(2, "Meddelelser (O)", 9)]),
        HeadingCase(
            rule: "a table of contents before the bodies confirms the one heading the excerpt holds",
            text: lines(
                "Referat", "", "  1. Sam:Bo-aftalen", "  2. Mødeplan", "  3. Eventuelt", "", "  Sagsnr. 16/3424",
                "  1. Sam:Bo-aftalen", "  Tekst om aftalen."),
            expected: [ItemHead(1, "Sam:Bo-aftalen", 8)]),
        HeadingCase(
            rule: "headings glued to the table of contents' last line and to the text before them",
            text: lines(
                "PUNKTER", "", "1. Meddelelse - Status", "2. Meddelelse - Opsigelse af aftalen1. Meddelelse - Status",
                "",
                "Meddelelse - Status", "Tekst om status.", " 1. Overholder regionerne retten?", " 2. Hvordan?",
                "Taget til efterretning.2. Meddelelse - Opsigelse af aftalen", "", "Tekst om opsigelsen.",
                "Afsnit 1.2. Formål", "Tekst."),
            expected: [ItemHead(1, "Meddelelse - Status", 4), ItemHead(2, "Meddelelse - Opsigelse af aftalen", 10)]),
        HeadingCase(
            rule: "a table of contents with page numbers confirms the heading it lists",
            text: lines(
                "Referat", "", "1. Mødested og status ..... 2", "2. Mødeplan 3", "3. Eventuelt 3", "",
                "1. Mødested og status", "Tekst om status."),
            expected: [ItemHead(1, "Mødested og status", 7)]),
        HeadingCase(
            rule: "the first heading glued to the table of contents' label",
            text: lines(
                "Byrådet - Referat", "", "Indholdsfortegnelse1. Fraværende", "", "Beslutning", "Ingen.", "",
                "2. Bemærkninger til dagsordenen", "", "Beslutning", "Ingen."),
            expected: [ItemHead(1, "Fraværende", 3), ItemHead(2, "Bemærkninger til dagsordenen", 8)]),
        HeadingCase(
            rule: "a single item heading followed by a section label is an agenda",
            text: lines("Regionsrådet", "", "1. Meddelelse fra formanden", "", "Referat", "", "Intet at bemærke."),
            expected: [ItemHead(1, "Meddelelse fra formanden", 3)]),
        HeadingCase(
            rule: "not headings: prose after a Punkt number, recommendations, numbered body lists, tables, dates",
            text: lines(
                "Referat", "", "1. Godkendelse af dagsorden", "", "Punkt 10 blev behandlet efter punkt 4.",
                "Pkt. 2 flyttes til sidst.", "", "Forvaltningen indstiller, at",
                " 2. Ældrerådet godkender dagsordenen.",
                "", "Beslutning", "", "Punkt 1: Der var ingen meddelelser.", "", "1. Afbud. Der var afbud fra A.", "",
                "2. Formandsbeslutning. B orienterede.", "", "Regnskab", "", "760", "", "1.064", "", "(2)", "",
                "2\tTabelrække", "", "2. maj 2016 kl. 10:00", "", "2. Meddelelser", "", "Ingen."),
            expected: [ItemHead(1, "Godkendelse af dagsorden", 3), ItemHead(2, "Meddelelser", 31)]),
        HeadingCase(
            rule: "a numbered recommendation alone is no agenda, though a decision follows",
            text: lines(
                "Referat", "", "Resume", "", "Forvaltningen indstiller, at", "",
                " 1. Ældrerådet godkender dagsordenen.", "",
                "Beslutning", "", "Godkendt."),
            expected: []),
        HeadingCase(
            rule: "a title opening with a name written in camel case is a title, not a sentence",
            text: lines(
                "Referat Styregruppe", "", "1. Velkomst", "Tekst.", "", "2. eNærhospital", "Tekst.", "",
                "3. Eventuelt", "Intet."),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "eNærhospital", 6), ItemHead(3, "Eventuelt", 9)]),
        HeadingCase(
            rule: "a wrapped prose line ending in \"at\" is no recommendation lead-in",
            text: lines(
                "Referat Styregruppe", "", "1. Velkomst", "Det blev slået", "fast at", "",
                "2. Status", "Tekst.", "", "3. Eventuelt", "Intet."),
            expected: [ItemHead(1, "Velkomst", 3), ItemHead(2, "Status", 7), ItemHead(3, "Eventuelt", 10)]),
        HeadingCase(
            rule: "a file with no numbered headings has no items",
            text: lines("# Referat", "", "Mødet blev aflyst.", "", "## Deltagere", "", "Ingen."),
            expected: []),
        HeadingCase(
            rule: "a lone plain numbered line is not an agenda",
            text: lines("Notat", "", "1. Baggrund for notatet", "", "Tekst om baggrunden."),
            expected: []),
        HeadingCase(
            rule: "an empty file has no items",
            text: "",
            expected: []),
    ]

    @Test("segmentation rule", arguments: cases)
    func rule(_ example: HeadingCase) {
        let items = MinutesParser.parse(example.text).items
        #expect(items.map { ItemHead($0.number, $0.title, $0.firstLine) } == example.expected)
    }

    @Test("the text before a glued heading ends the item before it")
    func textBeforeGluedHeading() throws {
        let meeting = MinutesParser.parse(
            lines(
                "Referat", "", "1. Status", "Tekst.", "Taget til efterretning.2. Budget", "Tekst om budget.", "",
                "3. Eventuelt", "Intet."))
        try #require(meeting.items.map(\.number) == [1, 2, 3])
        #expect(meeting.items[0].text.hasSuffix("Taget til efterretning."))
        #expect(!meeting.items[1].text.contains("efterretning"))
        #expect(meeting.items.map(\.lastLine) == [5, 6, 9])
    }

    @Test("a pause line ends an item; its text belongs to no item")
    func pause() {
        let meeting = MinutesParser.parse(
            lines(
                "# Referat", "",
                "### **1. Status**", "Tekst.", "",
                "### **Pause kl. (10 min) 9.15-9.25**", "", "(ingen pause)", "",
                "### **2. Budget**", "Tekst."))
        #expect(meeting.items.map(\.lastLine) == [4, 11])
        #expect(!meeting.items[0].text.contains("ingen pause"))
    }

    @Test("a pause in the middle of a discussion does not end the item")
    func pauseInsideItem() {
        let meeting = MinutesParser.parse(
            lines(
                "# Referat", "",
                "### **1. Status**", "Tekst.", "",
                "### Pause", "", "Drøftelsen fortsatte.", "", "Der var enighed.", "", "Sagen blev godkendt.", "",
                "### **2. Budget**", "Tekst."))
        #expect(meeting.items.map(\.lastLine) == [12, 15])
    }

    @Test("the sign-off after the last item is not part of it")
    func signOff() {
        let meeting = MinutesParser.parse(
            lines(
                "Referat Styregruppe", "",
                "1. Velkomst", "", "Tekst.", "",
                "2. Evt.", "", "Intet til dette punkt", "", "Således opfattet IKA", "", "Godkendt af SA"))
        #expect(meeting.items.map(\.lastLine) == [5, 9])
    }

    @Test("an item's last line is its last non-blank line before the next item")
    func lastLine() {
        let meeting = MinutesParser.parse(
            lines(
                "# Referat", "", "## 1. A", "Tekst.", " ", "", "## 2. B", "Tekst.", "", ""))
        #expect(meeting.items.map(\.lastLine) == [4, 8])
    }
}
