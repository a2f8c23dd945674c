import Foundation
import Testing

@testable import DanishText

@Suite("Normalizer.cleanLine")
struct CleanLineTests {
    @Test(
        "removes markup",
        arguments: [
            // HTML-ish tags, from the corpus tables.
            ("<b>I alt</b>\t<b>1,416</b>\t<b>1,266</b>", "I alt 1,416 1,266"),
            ("<i>Randers Klyngen</i>\t1.555,4", "Randers Klyngen 1.555,4"),
            ("<B>Fed</B> og <I>kursiv</I>", "Fed og kursiv"),
            ("første linje<br>anden linje<br/>tredje", "første linje anden linje tredje"),
            ("<span class=\"x\">tekst</span>", "tekst"),
            // A footnote marker is dropped rather than glued onto the word before it.
            (
                "**Tabel 2. Udgiftsfordeling mellem Region Nordjylland og kommunerne<sup>3</sup>**",
                "Tabel 2. Udgiftsfordeling mellem Region Nordjylland og kommunerne"
            ),
            (
                "Årlig driftsudgifter (kørsel 5 dage ugentligt <sup>2</sup> ) 2 biler",
                "Årlig driftsudgifter (kørsel 5 dage ugentligt ) 2 biler"
            ),
            ("<sup>1</sup> Indkøb af EKG apparatur", "Indkøb af EKG apparatur"),
            ("x<sup>note</sup>", "xnote"),
            // Markdown headings, emphasis, quotes.
            ("## 1. Udpegning af deltagere", "1. Udpegning af deltagere"),
            ("#### **Beskrivelse af sagen**", "Beskrivelse af sagen"),
            ("### Referat ###", "Referat"),
            ("**Mødedato** Torsdag d. 24. august 2023 kl. 14:00", "Mødedato Torsdag d. 24. august 2023 kl. 14:00"),
            ("- **herunder gensidig orientering**", "- herunder gensidig orientering"),
            ("taget kontakt til *Not a box*.", "taget kontakt til Not a box."),
            ("__vigtigt__ og _kursiv_ tekst", "vigtigt og kursiv tekst"),
            ("***fed kursiv***", "fed kursiv"),
            ("> citat fra referatet", "citat fra referatet"),
            ("> > dobbelt citat", "dobbelt citat"),
            // Escaped stars are text, and the pair around them is still emphasis.
            ("*\\*der er en smule forskel på totalen).*", "*der er en smule forskel på totalen)."),
            // Links become their text.
            (
                "indgik en [aftale om akutplan for sygehusvæsenet](#). Aftalen",
                "indgik en aftale om akutplan for sygehusvæsenet. Aftalen"
            ),
            ("[katrine.gimm@midt.rm.dk](mailto:katrine.gimm@midt.rm.dk)  ", "katrine.gimm@midt.rm.dk"),
            (
                "fra [Økonomiportalen, 2.4 Økonomi-model for sundhedsklyngerne](#)",
                "fra Økonomiportalen, 2.4 Økonomi-model for sundhedsklyngerne"
            ),
            (
                "Ifølge [\"Bekendtgørelse om sundhedsklynger\"](#), §6 stk. 2",
                "Ifølge \"Bekendtgørelse om sundhedsklynger\", §6 stk. 2"
            ),
            ("se ![figur 1](fig1.png) og <https://www.rn.dk/referat>", "se figur 1 og https://www.rn.dk/referat"),
            // Tables: tabs, pipes.
            ("Udgift Hjørring Kommune\t141.600 kr.\t0.127 kr.", "Udgift Hjørring Kommune 141.600 kr. 0.127 kr."),
            ("| Klynge | Beløb |", "Klynge | Beløb"),
            // Entities.
            ("Børne- &amp; Ungeudvalget&nbsp;&#229;r AT&T", "Børne- & Ungeudvalget år AT&T"),
        ])
    func removesMarkup(input: String, expected: String) {
        #expect(Normalizer.cleanLine(input) == expected)
    }

    @Test(
        "leaves ordinary text alone",
        arguments: [
            "Børne- og Ungepsykiatri",
            "covid-19",
            "IT-platform",
            "kl. 08:00 – 10.15",
            "Politisk Sundhedsklynge 6/11",
            "e-nærhospital",
            "5* hotel",
            "a * b = c",
            "snake_case og snake__case",
            "C# og #6",
            "<5 år og > 3 år",
            "[1] fodnote",
            "M&S, AT&T og R&D",
            "patient-/pårørendeinddragelse",
            "- At Klyngestyregruppen tager orientering",
            "• Palliation - skal drøftes i kommunerne",
            "1. halvår 2025",
            "§6 stk. 2",
        ])
    func leavesTextAlone(input: String) {
        #expect(Normalizer.cleanLine(input) == input)
    }

    @Test("composes decomposed letters (NFC)")
    func composes() {
        let decomposed = "Dr\u{006F}\u{0308}ftelse af \u{0061}\u{030A}rsplan"  // ö and å decomposed
        #expect(Normalizer.cleanLine(decomposed) == "Dr\u{00F6}ftelse af \u{00E5}rsplan")
        #expect(Normalizer.cleanLine("A\u{030A}rhus") == "Århus")
        #expect(Normalizer.cleanLine("A\u{030A}rhus").unicodeScalars.count == 5)
    }

    @Test("drops soft hyphens and zero-width characters")
    func dropsInvisibles() {
        #expect(Normalizer.cleanLine("sundheds\u{00AD}klynge") == "sundhedsklynge")
        #expect(Normalizer.cleanLine("\u{FEFF}Referat\u{200B}") == "Referat")
        #expect(Normalizer.cleanLine("sund&shy;hed") == "sundhed")
    }

    @Test(
        "folds whitespace",
        arguments: [
            ("  Mødedato:\t6. Maj 2022  ", "Mødedato: 6. Maj 2022"),
            ("kl.\u{00A0}12:00\u{202F}–\u{2007}14:00", "kl. 12:00 – 14:00"),
            ("a \t\t  b\r", "a b"),
            ("\t2022\t2023 +", "2022 2023 +"),
        ])
    func foldsWhitespace(input: String, expected: String) {
        #expect(Normalizer.cleanLine(input) == expected)
    }

    @Test(
        "a line of only markup is empty",
        arguments: [
            "---", "***", "* * *", "___", "====", "|---|---|", "| :--- | ---: |",
            "--\t------\t--------", "<br>", "**", "#", "> ",
        ])
    func markupOnlyIsEmpty(input: String) {
        #expect(Normalizer.cleanLine(input) == "")
    }
}

@Suite("Normalizer.normalize")
struct NormalizeTests {
    @Test(
        "joins a word hyphenated across a line break",
        arguments: [
            ("fagligt strategiske sundhedsklyn-\nger. Patienterne", "fagligt strategiske sundhedsklynger. Patienterne"),
            // Real case from 003: a blank line sits inside the split word.
            (
                "i de fagligt strategiske sundhedsklyn-\n\nger. Patient-/pårørende",
                "i de fagligt strategiske sundhedsklynger. Patient-/pårørende"
            ),
            ("sundhedsklyn-\n\n  \n\nger", "sundhedsklynger"),
            // The author's soft hyphen marks a break point, whatever follows.
            ("Region Nord\u{00AD}\nJylland", "Region NordJylland"),
            ("sundheds\u{00AD}  \nklynge", "sundhedsklynge"),
        ])
    func joinsSplitWords(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
    }

    @Test(
        "keeps real and suspended hyphens",
        arguments: [
            ("Børne-\nog Ungepsykiatri", "Børne- og Ungepsykiatri"),
            ("Børne-\n\nog Ungepsykiatri", "Børne- og Ungepsykiatri"),
            ("social-\neller sundhedsfaglig", "social- eller sundhedsfaglig"),
            ("syge-\nsamt hjemmeplejen", "syge- samt hjemmeplejen"),
            ("covid-\n19", "covid-19"),
            ("IT-\nplatform", "IT-platform"),
            ("e-\nnærhospital", "e-nærhospital"),
            ("Vest-\nBerlin", "Vest-Berlin"),
            ("4-\nårige", "4-årige"),
            // A dash before the break is punctuation, not a hyphen.
            ("Online -\nlink er i mødeindkaldelsen", "Online -\nlink er i mødeindkaldelsen"),
            // A list item after the hyphen starts something new.
            ("Emner til drøftelse:\n- Sundheds-\n- fremme", "Emner til drøftelse:\n- Sundheds-\n- fremme"),
        ])
    func keepsHyphens(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
    }

    @Test("paragraphs: lines kept, one blank line between, no edges")
    func paragraphs() {
        let input = """


            ## Deltagere\u{0020}\u{0020}

            Leif Serup, direktør  \r
            Rikke Albrechtsen, direktør\t



            Fra Region Nordjylland
            \u{00A0}

            """
        let expected = "Deltagere\n\nLeif Serup, direktør\nRikke Albrechtsen, direktør\n\nFra Region Nordjylland"
        #expect(Normalizer.normalize(input) == expected)
    }

    @Test("markup-only lines are dropped, not turned into paragraph breaks")
    func dropsMarkupLines() {
        let table = "| Klynge | Beløb |\n|---|---:|\n| Nord | 1.416 |"
        #expect(Normalizer.normalize(table) == "Klynge | Beløb\nNord | 1.416")

        let ruled = "# Referat\n\n---\n\nMødedato: 6. Maj 2022\n---\n"
        #expect(Normalizer.normalize(ruled) == "Referat\n\nMødedato: 6. Maj 2022")

        #expect(
            Normalizer.normalize("\t2022\t2023 +\n--\t------\t--------\nI alt\t1,416") == "2022 2023 +\nI alt 1,416")
        #expect(Normalizer.normalize("---\n\n***\n") == "")
    }

    @Test("every line is cleaned")
    func cleansLines() {
        let input =
            "### **Indstilling:**\n\nDet indstilles, at *Klyngestyregruppe Nord*:\n- <b>Godkender</b> [forslaget](#)"
        #expect(
            Normalizer.normalize(input)
                == "Indstilling:\n\nDet indstilles, at Klyngestyregruppe Nord:\n- Godkender forslaget")
    }

    @Test("the sample corpus normalises without markup left over")
    func corpus() throws {
        for file in try SharedData.corpusFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            let normalized = Normalizer.normalize(text)
            #expect(!normalized.isEmpty, "\(file.lastPathComponent)")
            for marker in ["<b>", "<sup>", "**", "](", "\t", "\u{00AD}", "\u{00A0}", "\n\n\n", "sundhedsklyn-"] {
                #expect(!normalized.contains(marker), "\(file.lastPathComponent) still has \(marker.debugDescription)")
            }
            #expect(normalized == normalized.trimmingCharacters(in: .whitespacesAndNewlines))
            // Normalising again changes nothing.
            #expect(Normalizer.normalize(normalized) == normalized, "\(file.lastPathComponent)")
        }
    }
}

@Suite("Canonical composition")
struct CompositionTests {
    /// The fast path must agree with Foundation's NFC on composed and decomposed Danish text.
    @Test(arguments: [
        "sundhedsklynger", "Børne- og Ungepsykiatri", "ÆØÅ æøå", "a\u{030A}rshjul", "Ka\u{0301}re", "naïve café",
        "\u{00C5}", "A\u{030A}", "e\u{0301}\u{0327}",
    ])
    func fastPathAgreesWithFoundation(text: String) {
        #expect(text.canonicallyComposed == text.precomposedStringWithCanonicalMapping)
        #expect(
            Array(text.canonicallyComposed.unicodeScalars)
                == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }
}

@Suite("Scalar-by-scalar fast paths")
struct SimpleScalarTextTests {
    /// Every scalar up to U+2FFF, between letters: accepted ones must be NFC and their own
    /// character, and the quick lowercasing must equal the standard library's.
    @Test func everyScalarBelowU3000() {
        var accepted = 0
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "A" + String(Character(scalar)) + "b"
            if text.isSimpleScalarText {
                accepted += 1
                #expect(
                    text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                    "U+\(String(value, radix: 16)) is not NFC")
                #expect(text.count == 3, "U+\(String(value, radix: 16)) joins its neighbours")
            }
            #expect(text.lowercasedQuickly() == text.lowercased(), "U+\(String(value, radix: 16))")
            #expect(Array(text.lowercasedQuickly().utf8) == Array(text.lowercased().utf8))
        }
        #expect(accepted > 3000)
        #expect(!"e\u{0301}".isSimpleScalarText)
        #expect(!"a\u{200D}b".isSimpleScalarText)
        #expect("Børne- og Ungepsykiatri – “IPS’en” • 5 €".isSimpleScalarText)
    }
}

/// Each byte- or scalar-level fast path against its character-by-character twin, on every line
/// of the sample corpus and the real-world minutes and on random simple-scalar strings.
@Suite("Fast paths equal their definitions")
struct FastPathOracleTests {
    static func lines() throws -> [String] {
        var texts = try SharedData.corpusFiles().map { try String(contentsOf: $0, encoding: .utf8) }
        let realWorld = try SharedData.file("realworld/docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: realWorld.path).sorted() {
            texts.append(try String(contentsOf: realWorld.appendingPathComponent(name), encoding: .utf8))
        }
        return texts.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Strings drawn from an alphabet rich in what the fast paths treat specially: ASCII
    /// letters, digits and controls, Danish letters, NBSP and other spaces, soft hyphen,
    /// zero-width space, word joiner, dashes and quotes, line and paragraph separators.
    static func randomStrings(count: Int) -> [String] {
        let alphabet: [Character] =
            Array("aZ9 æøåÆØÅéü-–—“”’•.\t\r\n") + [
                "\u{00A0}", "\u{00AD}", "\u{0085}", "\u{0009}", "\u{000B}", "\u{2002}", "\u{2009}", "\u{200B}",
                "\u{2028}",
                "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{0001}", "\u{009F}", "\r\n",
            ]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            String(
                (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test func foldWhitespace() throws {
        var compared = 0
        for text in try Self.lines() + Self.randomStrings(count: 20_000) where text.isSimpleScalarText {
            #expect(
                Normalizer.foldWhitespaceOfSimpleText(text) == Normalizer.foldWhitespaceByCharacter(text),
                "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 20_000)
    }

    @Test func letterRuns() throws {
        var compared = 0
        for text in try Self.lines() + Self.randomStrings(count: 20_000) + ["Region Sjælland", "ﬁnal Ωmega"] {
            var fast: [Substring] = []
            var slow: [Substring] = []
            text.forEachLetterRun { fast.append($0) }
            text.forEachLetterRunByCharacter { slow.append($0) }
            #expect(fast == slow, "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 20_000)
    }
}
