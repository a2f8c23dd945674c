/// Danish words that Snowball stems apart though a reader takes them for one topic, read from a
/// lexicon: a noun and its adjective ("demografi" → "demografisk", "politik" → "politisk",
/// "medicin" → "medicinsk"), an adjective and its noun ("tilgængelig" → "tilgængelighed"), a
/// verb and its nominalisations ("rekruttere" → "rekruttering", "koordinere" → "koordination"),
/// and the nouns in -er whose plural drops the e ("borgmester" → "borgmestre", "center" →
/// "centre").
///
/// Every derived word has at most one base: the first candidate of its rule that is in the
/// lexicon, so "politisk" comes from "politik", not from "politi". Both words must be in the
/// lexicon (no rule invents a word), and a base has at least `minimumBaseLength` letters: short
/// words gain a suffix by chance as often as by derivation. Rules that mostly pair unrelated
/// words were measured and left out: "-lig" ("punkt" → "punktlig", "under" → "underlig"); the
/// contracted plural counts only when the list has its definite form too ("borgmestrene") and
/// the -er word is no plural itself ("møder" of "møde" is not "mødre").
public struct Derivations: Sendable {
    public let lexicon: Lexicon
    public var minimumBaseLength = 5

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// A word ending in `derived` comes from the word with `derived` replaced by the first of
    /// `bases` that is in the lexicon. Longer suffixes first: "politisk" is "-isk", not "-sk".
    static let rules: [(derived: String, bases: [String])] = [
        ("isk", ["ik", "i"]),  // politisk ← politik, demografisk ← demografi
        ("sk", [""]),  // medicinsk ← medicin
        ("hed", [""]),  // tilgængelighed ← tilgængelig
        ("ering", ["ere"]),  // rekruttering ← rekruttere
        ("ation", ["ere"]),  // koordination ← koordinere
    ]

    /// The lexicon's words one rule away from `word` in either direction (its base and the
    /// words derived from it), without `word`; empty when the word is not in the lexicon.
    public func relatives(of word: String) -> [String] {
        let word = Lexicon.normalise(word)
        guard lexicon.containsNormalised(word) else { return [] }
        var found: [String] = []
        if let base = base(of: word) { found.append(base) }
        if let plural = contractedPlural(of: word) { found.append(plural) }
        if word.hasSuffix("re"), case let singular = String(word.dropLast(2)) + "er",
            contractedPlural(of: singular) == word
        {
            found.append(singular)
        }
        for rule in Self.rules {
            for baseSuffix in rule.bases where word.hasSuffix(baseSuffix) {
                let derived = String(word.dropLast(baseSuffix.count)) + rule.derived
                if !found.contains(derived), lexicon.containsNormalised(derived), base(of: derived) == word {
                    found.append(derived)
                }
            }
        }
        return found
    }

    /// "borgmester" → "borgmestre": an -er noun whose plural (and its definite form) drops the e.
    func contractedPlural(of word: String) -> String? {
        guard word.hasSuffix("er"), word.count - 2 >= minimumBaseLength,
            !lexicon.containsNormalised(String(word.dropLast()))
        else { return nil }
        let plural = String(word.dropLast(2)) + "re"
        return lexicon.containsNormalised(plural) && lexicon.containsNormalised(plural + "ne") ? plural : nil
    }

    /// The word `word` is derived from, by the first rule whose suffix it ends in.
    func base(of word: String) -> String? {
        guard let rule = Self.rules.first(where: { word.hasSuffix($0.derived) }) else { return nil }
        let stem = String(word.dropLast(rule.derived.count))
        return rule.bases.lazy.map { stem + $0 }.first {
            $0.count >= minimumBaseLength && lexicon.containsNormalised($0)
        }
    }
}
