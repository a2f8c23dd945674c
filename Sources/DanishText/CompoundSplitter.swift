/// Splits Danish compounds into their parts for search recall: "palliationsområdet" →
/// ["palliation", "området"], so that a search for `palliation` also finds the compound.
///
/// The rules (see `split` for the exact order of preference):
/// - A split is modifier (+ linking element) … + head, where every modifier is a lexicon word
///   and the head (last part) is a lexicon word, or a lexicon word plus a regular inflectional
///   ending ("styregruppe" + "n"), since the word list lacks some inflected forms.
/// - Linking elements: "s" (sundhed-s-klynge), "e" (børn-e-have) and none. They are dropped from
///   the result.
/// - Every part has at least `minimumPartLength` letters (3); the word at least
///   `minimumWordLength` letters (8). Words with anything but letters are not split (the
///   tokenizer already splits at hyphens and digits).
/// - Stop words and a few bound prefixes ("for", "til", "over", "be" …) are never parts, so
///   "forslag" does not become "for" + "slag".
/// - A first modifier that is not in the lexicon is allowed only when it ends in a productive
///   derivational suffix that always takes a linking "s" ("-tion", "-ing", "-hed", "-skab",
///   "-else", "-dom", "-itet"), e.g. "palliation-s-området" with no "palliation" in the list;
///   such a split loses to any split whose parts are all known.
/// - A word that is itself in the lexicon is still split ("sygehusvæsenet" is in the list and
///   must be found by `sygehus`).
///
/// The caller must skip acronyms and proper names (they are not lowercase words), and should
/// cache results: the splitter keeps no state besides the lexicon.
public struct CompoundSplitter: Sendable {
    public let lexicon: Lexicon
    public let minimumPartLength: Int
    /// Words with fewer letters are never split.
    public var minimumWordLength: Int = 8
    /// Whether an unknown first modifier ending in "-tion", "-ing", "-hed" … + "s" is allowed.
    public var allowsUnknownDerivedModifier: Bool = true

    public init(lexicon: Lexicon, minimumPartLength: Int = 3) {
        self.lexicon = lexicon
        self.minimumPartLength = max(1, minimumPartLength)
    }

    /// The parts of a compound, lowercase, as surface strings in order with the linking elements
    /// dropped; nil when the word is not a compound, is shorter than `minimumWordLength`, or
    /// contains anything but letters.
    ///
    /// Among all splits the one chosen has, in order of preference:
    /// 1. the fewest parts ("blodprøvetagning" → ["blod", "prøvetagning"], not three parts);
    /// 2. no unknown derived modifier, then no guessed inflection of the head;
    /// 3. the longest head (the same rule, applied to a compound head, keeps it whole);
    /// 4. the fewest "e" links ("klynge" + "styregruppen", not "klyng" + "e" + …);
    /// 5. the shortest modifiers, i.e. a linking "s" rather than an "s" kept on the modifier
    ///    ("bemanding" + "s" + "situationen", though "bemandings" is in the list).
    ///
    /// Input is expected lowercase; it is lowercased and NFC-normalised anyway.
    public func split(_ word: String) -> [String]? {
        let normalised = Lexicon.normalise(word)
        let letters = Array(normalised.unicodeScalars)
        let count = letters.count
        guard count >= minimumWordLength, count >= 2 * minimumPartLength,
            letters.allSatisfy({ $0.properties.isAlphabetic })
        else { return nil }

        // Candidate parts are cut from the UTF-8 bytes at scalar boundaries: most are short
        // enough to be stored inline, so making one costs no allocation.
        let bytes = Array(normalised.utf8)
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        for letter in letters { offsets.append(offsets[offsets.count - 1] + UTF8.width(letter)) }
        // The inflections the word ends in, in order of preference: every head ends there too.
        let endings = Self.inflections.filter {
            bytes.count >= $0.utf8.count && bytes.suffix($0.utf8.count).elementsEqual($0.utf8)
        }
        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes[offsets[start]..<offsets[end]], as: UTF8.self)
        }

        // best[i]: the best way to read letters[i...] as (modifier link?)* head: its score, the
        // end of its first part and where the rest's own best parse starts.
        var best = [Parse?](repeating: nil, count: count + 1)
        let minimum = minimumPartLength
        var start = count - minimum
        while start >= 0 {
            var winner: Parse?
            func consider(_ candidate: Parse) {
                if let current = winner, !(candidate.score < current.score) { return }
                winner = candidate
            }
            // The whole remainder as the head (not for the whole word: that is no split).
            if start > 0,
                let head = headScore(start: start, count: count, text: text, letters: letters, endings: endings)
            {
                consider(Parse(score: head, end: count, rest: nil))
            }
            // A modifier, a link, then a parsed remainder.
            var end = start + minimum
            while end <= count - minimum {
                let modifier = text(start, end)
                let known = lexicon.containsNormalised(modifier) && !Self.blocked.contains(modifier)
                if known {
                    for link in Link.allCases {
                        let next = end + link.length
                        guard next <= count - minimum, let rest = best[next] else { continue }
                        if link != .none, letters[end] != link.scalar { continue }
                        var score = rest.score
                        score.parts += 1
                        score.eLinks += link == .e ? 1 : 0
                        // "handel" + "s" + "vare" rather than "handel" + "svare".
                        // Not after particles ("frem" + "stille", "gennem" + "snit") nor after a
                        // final "e", which takes no "s" ("klynge" + "styregruppen").
                        score.absorbedS +=
                            link == .none && letters[end] == "s" && letters[end - 1] != "e"
                                && !Self.particles.contains(modifier) ? 1 : 0
                        score.modifierLetters += end - start
                        consider(Parse(score: score, end: end, rest: next))
                    }
                } else if start == 0, allowsUnknownDerivedModifier, end + 1 <= count - minimum,
                    letters[end] == "s", let rest = best[end + 1],
                    Self.derivationalSuffixes.contains(where: { modifier.hasSuffix($0) }),
                    end >= 6
                {
                    var score = rest.score
                    score.parts += 1
                    score.unknownModifiers += 1
                    score.modifierLetters += end
                    consider(Parse(score: score, end: end, rest: end + 1))
                }
                end += 1
            }
            best[start] = winner
            start -= 1
        }
        guard var parse = best[0], parse.score.parts >= 2 else { return nil }
        var parts = [text(0, parse.end)]
        while let next = parse.rest, let rest = best[next] {
            parts.append(text(next, rest.end))
            parse = rest
        }
        return parts
    }

    /// The compound's smallest parts: each part split again while it is itself a compound
    /// ("sundhedssamarbejdsudvalget" → sundhed, samarbejd, udvalget, where `split` keeps the
    /// head "samarbejdsudvalget" whole); nil when the word is no compound.
    public func smallestParts(_ word: String) -> [String]? {
        split(word).map { parts in parts.flatMap { smallestParts($0) ?? [$0] } }
    }

    /// The acronym a compound's smallest parts spell, one initial a part
    /// ("sundhedssamarbejdsudvalget" → "ssu", "praksisplanudvalget" → "ppu"), as Danish
    /// administration abbreviates its committees; nil below three parts, where two letters
    /// match too many unrelated compounds.
    public func acronym(of word: String) -> String? {
        guard let parts = smallestParts(word), parts.count >= 3 else { return nil }
        return String(parts.compactMap(\.first))
    }

    /// The score of letters[start..<count] as a head, or nil when it cannot be one.
    private func headScore(
        start: Int, count: Int, text: (Int, Int) -> String, letters: [Unicode.Scalar], endings: [String]
    ) -> Score? {
        let head = text(start, count)
        if Self.blocked.contains(head) || Self.blockedHeads.contains(head) { return nil }
        // "-ering" is the nominal suffix, not "ring": "markering", "radikalisering".
        if start > 0, letters[start - 1] == "e", letters[start..<count].starts(with: "ring".unicodeScalars) {
            return nil
        }
        if lexicon.containsNormalised(head) {
            return Score(parts: 1, headLetters: count - start)
        }
        // A regular inflection of a known word: "styregruppe" + "n", "klynge" + "rne".
        let stemMinimum = max(minimumPartLength, 4)
        for ending in endings where count - start - ending.count >= stemMinimum {
            // The endings are ASCII: as many letters as bytes.
            let stem = text(start, count - ending.utf8.count)
            if lexicon.containsNormalised(stem), !Self.blocked.contains(stem) {
                return Score(parts: 1, guessedHeads: 1, headLetters: count - start)
            }
        }
        return nil
    }

    private enum Link: CaseIterable {
        case none, s, e
        var length: Int { self == .none ? 0 : 1 }
        var scalar: Unicode.Scalar { self == .s ? "s" : "e" }
    }

    /// Lexicographic, additive over parts; smaller is better.
    private struct Score: Comparable {
        var parts = 0
        var unknownModifiers = 0
        var guessedHeads = 0
        var absorbedS = 0
        var headLetters = 0  // compared reversed: longer is better
        var eLinks = 0
        var modifierLetters = 0

        static func < (a: Score, b: Score) -> Bool {
            (
                a.parts, a.unknownModifiers, a.guessedHeads, a.absorbedS, -a.headLetters,
                a.eLinks * 1000 + a.modifierLetters
            )
                < (
                    b.parts, b.unknownModifiers, b.guessedHeads, b.absorbedS, -b.headLetters,
                    b.eLinks * 1000 + b.modifierLetters
                )
        }
    }

    /// A parse without its parts spelled out, so that trying a candidate allocates nothing.
    private struct Parse {
        var score: Score
        /// The end of the first part.
        var end: Int
        /// Where the parse of the remainder starts (after any link); nil for a head.
        var rest: Int?
    }

    /// Regular noun and adjective endings (singular definite, plural, genitive) for heads the
    /// word list lacks.
    static let inflections: [String] = [
        "ernes", "enes", "erne", "ene", "ens", "ets", "ers", "nes", "rne", "en", "et", "er", "ne", "es",
        "n", "r", "s", "e", "ndes", "nde",
    ]

    /// Never a head: derivational suffixes that are also words ("udfor|ske", "beg|run|delse").
    static let blockedHeads: Set<String> = [
        "ske", "delse", "telse", "ning", "ende", "sk", "isk", "ion", "ist", "ant", "ent", "ans",
    ]

    /// Adverbial first parts, which take no linking "s".
    static let particles: Set<String> = [
        "frem", "fremad", "gennem", "igennem", "sammen", "hen", "bort", "tilbage", "omkring", "ned",
        "hjem", "forbi", "imod", "udad", "indad", "opad", "nedad",
    ]

    static let derivationalSuffixes: [String] = ["tion", "ing", "hed", "skab", "else", "dom", "itet"]

    /// Never a part: stop words and bound prefixes or particles that would make false splits
    /// ("for|slag", "til|bud", "be|handling").
    static let blocked: Set<String> = StopWords.danish.union([
        "for", "fra", "til", "med", "mod", "ved", "over", "under", "efter", "ind", "bag", "gen",
        "sam", "mis", "und", "van", "ere", "ene", "ers", "ens", "ing", "ning", "hed", "heds",
        "else", "tion", "lig", "fors",
    ])
}
