import Testing

@testable import DanishText

private enum Wordlist {
    static let derivations: Result<Derivations, any Error> = Result { Derivations(lexicon: try Lexicon.load()) }
}

@Suite("Derivations")
struct DerivationsTests {
    @Test(
        "a noun finds its adjective and back, a verb its nominalisation",
        arguments: [
            ("demografi", "demografisk"),
            ("medicin", "medicinsk"),
            ("psykiatri", "psykiatrisk"),
            ("økonomisk", "økonomi"),
            ("politisk", "politik"),
            ("opmærksomhed", "opmærksom"),
            ("rekruttering", "rekruttere"),
            ("evaluere", "evaluering"),
            ("koordination", "koordinere"),
            ("dokumentere", "dokumentation"),
            ("borgmester", "borgmestre"),
            ("borgmestre", "borgmester"),
        ])
    func relatives(word: String, relative: String) throws {
        #expect(try Wordlist.derivations.get().relatives(of: word).contains(relative))
    }

    /// A derived word has one base ("politisk" is from "politik", not "politi"); short and
    /// common words, and words a rule would pair by chance, get nothing.
    @Test(
        "no noise",
        arguments: [
            ("politisk", "politi"), ("punkt", "punktlig"), ("under", "underlig"), ("møder", "mødre"),
            ("ældre", "ælder"), ("strategisk", "strateg"),
        ])
    func noChanceRelatives(word: String, unrelated: String) throws {
        #expect(try !Wordlist.derivations.get().relatives(of: word).contains(unrelated))
    }

    @Test(
        "common and short words have no relatives", arguments: ["og", "at", "kommune", "møde", "data", "syg", "klynge"])
    func commonWords(word: String) throws {
        #expect(try Wordlist.derivations.get().relatives(of: word) == [])
    }
}

@Suite("SpellingVariants")
struct SpellingVariantsTests {
    @Test(arguments: [
        ("aarshjul", "årshjul"), ("taet", "tæt"), ("toer", "tør"), ("soevnapnoe", "søvnapnø"),
        ("søndergård", "søndergaard"), ("aarhus", "århus"),
    ])
    func theOtherSpelling(word: String, variant: String) {
        #expect(SpellingVariants.variants(of: word).contains(variant))
    }

    @Test func aWordWithoutTheLettersHasNoVariants() {
        #expect(SpellingVariants.variants(of: "kommune") == [])
        #expect(SpellingVariants.variants(of: "åå").sorted() == ["aaaa", "aaå", "åaa"])
    }
}
