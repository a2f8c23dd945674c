import Foundation

/// One word of a text, as the index sees it.
public struct Token: Sendable, Hashable, CustomStringConvertible {
    /// The word as written (NFC), e.g. "IPS'en", "U.S.A", "covid".
    public let text: String
    /// The lowercased term Xapian's TermGenerator would index for this word, e.g. "ips'en", "usa".
    public let term: String
    /// 0-based ordinal of the word in the text; variants share it.
    public let position: Int
    /// Written in capitals with at least two letters ("IPS", "DÆMP", "U.S.A"), also when a
    /// lowercase clitic follows the apostrophe ("IPS'en", "KL's").
    public let isAcronym: Bool
    /// Extra lowercased terms to index at the same position, so queries written another way
    /// find the word: the acronym of "IPS'en" ("ips"), or the joined form of "e-nærhospital"
    /// ("enærhospital") on its first part. Never contains `term`.
    public let variants: [String]
    /// Written with a suspended hyphen, which lends it the head of a compound further on:
    /// "Ældre-" in "Ældre- og handicapråd".
    public let isSuspended: Bool

    public init(
        text: String, term: String, position: Int, isAcronym: Bool = false, variants: [String] = [],
        isSuspended: Bool = false
    ) {
        self.text = text
        self.term = term
        self.position = position
        self.isAcronym = isAcronym
        self.variants = variants
        self.isSuspended = isSuspended
    }

    public var description: String {
        "\(position):\(term)" + (isAcronym ? "(A)" : "") + (variants.isEmpty ? "" : "+\(variants)")
    }
}

/// Splits text into words exactly where Xapian 1.4's TermGenerator and QueryParser split it,
/// so a word found here is a term a query can reach.
///
/// The rules (from xapian-core 1.4 `queryparser/termgenerator_internal.cc`, checked against
/// python3-xapian 1.4.22):
/// - a word is a run of Unicode letters, marks, digits and connector punctuation ("_");
/// - an apostrophe (' ’ ‛), "&", "·" between two word characters stays in the word
///   ("ips'en", "at&t"); ’ and ‛ are indexed as ';
/// - between two digits, "." "," ";" stay in the word ("1.5", "2,5", "1.416.000");
/// - ASCII capitals separated by dots are one word without the dots ("U.S.A" → "usa");
/// - up to three trailing "+" or "#" stay ("c++", "c#");
/// - everything else splits, hyphens included ("covid-19" → "covid", "19");
/// - a term longer than 64 bytes is skipped and takes no position.
/// The deliberate additions are in `Token.variants`, never in the split itself.
public enum Tokenizer {
    /// TermGenerator's default `max_word_length`: longer words are not indexed at all.
    public static let maxTermBytes = 64

    public static func tokenize(_ text: String) -> [Token] {
        let composed = text.canonicallyComposed
        let scalars = Array(composed.unicodeScalars)
        let words = XapianWordScanner(scalars: scalars).words()
        let joined = hyphenJoins(words, in: scalars)

        // The words as written are cut from the UTF-8 bytes at scalar offsets.
        let bytes = Array(composed.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            let written = String(decoding: bytes[offsets[word.start]..<offsets[word.end]], as: UTF8.self)
            let clitic = Clitic(text: written, scalars: scalars[word.start..<word.end], term: word.term)
            var variants: [String] = []
            for variant in [clitic.baseVariant, joined[index]].compactMap({ $0 })
            where variant != word.term && !variants.contains(variant) && variant.utf8.count <= maxTermBytes {
                variants.append(variant)
            }
            let suspended =
                word.end + 1 < scalars.count && hyphens.contains(scalars[word.end])
                && scalars[word.end + 1].properties.isWhitespace
            tokens.append(
                Token(
                    text: written, term: word.term, position: tokens.count,
                    isAcronym: clitic.isAcronym, variants: variants, isSuspended: suspended
                ))
        }
        return tokens
    }

    // MARK: - Hyphenated words

    /// Hyphen characters that join the parts of a compound ("e-nærhospital"); dashes do not.
    private static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}"]

    /// For the first word of each hyphenated chain, the chain's terms joined: Xapian indexes
    /// "e-nærhospital" as "e" "nærhospital", but a query written "eNærhospital" is the one term
    /// "enærhospital". Number ranges ("15-17", "2022-2023") are not words and are not joined.
    private static func hyphenJoins(_ words: [ScannedWord], in scalars: [Unicode.Scalar]) -> [String?] {
        var joined = [String?](repeating: nil, count: words.count)
        var chainStart = 0
        for index in words.indices {
            let linked =
                index + 1 < words.count
                && words[index].end < scalars.count
                && hyphens.contains(scalars[words[index].end])
                && words[index + 1].start == words[index].end + 1
                && !(words[index].isNumber && words[index + 1].isNumber)
            if !linked {
                if index > chainStart {
                    joined[chainStart] = words[chainStart...index].map(\.term).joined()
                }
                chainStart = index + 1
            }
        }
        return joined
    }
}

// MARK: - Clitics

/// The part of a word before an apostrophe, when it is a name the rest only inflects:
/// "IPS'en", "KL's", "PLO'erne", "Anne's", "90'erne". Xapian indexes only the whole word
/// ("ips'en"), so a search for "IPS" would miss it without the base as a variant.
///
/// Danish writes the apostrophe for inflection almost only after acronyms, numbers and
/// foreign names; any ending counts after an acronym. After a capitalised word only
/// the usual Danish/English endings count, so "O'Brien" or "D'Angelo" are left whole. After a
/// lowercase word the apostrophe marks a dropped letter ("ta'r", "ku'", "sgu'") or an elision
/// ("dell'Arte"), and its base would be noise.
private struct Clitic {
    static let endings: Set<String> = [
        "s", "en", "ens", "et", "ets", "er", "ers", "erne", "ernes", "e", "es", "ne", "nes", "n",
    ]

    let isAcronym: Bool
    let baseVariant: String?

    private static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{201B}"]

    init(text: String, scalars: ArraySlice<Unicode.Scalar>, term: String) {
        // Most words have no apostrophe and no combining mark: each scalar is a character, and
        // the letters' classes come from a table.
        if scalars.allSatisfy({ $0.value < 0x300 && $0 != "'" && $0 != "\u{2019}" && $0 != "\u{201B}" }) {
            var letters = 0
            var allUppercase = true
            for scalar in scalars where ScalarClasses.isLetter(scalar) {
                letters += 1
                allUppercase = allUppercase && ScalarClasses.isUppercase(scalar)
            }
            isAcronym = letters >= 2 && allUppercase
            baseVariant = nil
            return
        }
        let base = text.prefix { !Self.apostrophes.contains($0) }
        let baseLetters = base.filter(\.isLetter)
        let baseIsAcronym = baseLetters.count >= 2 && baseLetters.allSatisfy(\.isUppercase)
        isAcronym = baseIsAcronym

        guard base.count < text.count, let apostrophe = term.firstIndex(of: "'") else {
            baseVariant = nil
            return
        }
        let baseTerm = String(term[..<apostrophe])
        let ending = String(term[term.index(after: apostrophe)...])
        let isName = baseLetters.count >= 2 && baseLetters.first!.isUppercase && Clitic.endings.contains(ending)
        let isNumber = !base.isEmpty && base.allSatisfy(\.isNumber) && Clitic.endings.contains(ending)
        baseVariant = baseIsAcronym || isName || isNumber ? baseTerm : nil
    }
}

// MARK: - Xapian's word splitting

struct ScannedWord {
    /// Scalar offsets of the word as written: `start..<end`.
    var start: Int
    var end: Int
    var term: String

    var isNumber: Bool { term.unicodeScalars.allSatisfy { $0.properties.generalCategory == .decimalNumber } }
}

/// A transcription of `parse_terms()` in xapian-core 1.4 `termgenerator_internal.cc`, over
/// Unicode scalars as Xapian works on code points (not grapheme clusters). CJK n-gramming is
/// off there by default and not reproduced.
struct XapianWordScanner {
    let scalars: [Unicode.Scalar]

    func words() -> [ScannedWord] {
        var words: [ScannedWord] = []
        // The term being read, as UTF-8 (one buffer for all words).
        var term: [UInt8] = []
        term.reserveCapacity(64)
        var i = 0
        let n = scalars.count
        while true {
            while i < n, !Self.isWordChar(scalars[i]) { i += 1 }
            if i == n { break }
            let start = i
            term.removeAll(keepingCapacity: true)

            // Initials separated by '.' ("U.S.A", "P.T.O."): one word without the dots, but only
            // with at least two letters and no word character right after.
            if Self.isASCIIUpper(scalars[i]) {
                var letters = 0
                var p = i
                var lastLetter = i
                while true {
                    Self.append(Self.lower(scalars[p]), to: &term)
                    letters += 1
                    lastLetter = p
                    p += 1
                    guard p < n, scalars[p] == "." else { break }
                    p += 1
                    guard p < n, Self.isASCIIUpper(scalars[p]) else { break }
                }
                if letters > 1, p == n || !Self.isWordChar(scalars[p]) {
                    Self.emit(&words, start: start, end: lastLetter + 1, term: term)
                    i = p
                    continue
                }
                term.removeAll(keepingCapacity: true)
            }

            var ch = Self.lower(scalars[i])
            var reachedEnd = false
            scan: while true {
                var previous: Unicode.Scalar
                repeat {
                    Self.append(ch, to: &term)
                    previous = ch
                    i += 1
                    if i == n {
                        reachedEnd = true
                        break scan
                    }
                    guard Self.isWordChar(scalars[i]) else { break }
                    ch = Self.lower(scalars[i])
                } while true

                // scalars[i] is not a word character: does it join two words?
                let next = i + 1
                guard next < n, Self.isWordChar(scalars[next]) else { break }
                let infix =
                    Self.isDigit(previous) && Self.isDigit(scalars[next])
                    ? Self.digitInfix(scalars[i]) : Self.infix(scalars[i])
                switch infix {
                case .none: break scan
                case .ignore: break
                case .keep(let kept): Self.append(kept, to: &term)
                }
                ch = Self.lower(scalars[next])
                i = next
            }

            var end = i
            if !reachedEnd {
                // "C++", "C#": up to three, and not when a word character follows ("fish+chips").
                // Both marks are one byte, so bytes count scalars here.
                let length = term.count
                var count = 0
                while i < n, scalars[i] == "+" || scalars[i] == "#" {
                    count += 1
                    if count > 3 {
                        term.removeSubrange(length...)
                        break
                    }
                    term.append(UInt8(scalars[i].value))
                    i += 1
                    if i == n { break }
                }
                if i < n, Self.isWordChar(scalars[i]) { term.removeSubrange(length...) }
                end += term.count - length
            }
            Self.emit(&words, start: start, end: end, term: term)
        }
        return words
    }

    private static func append(_ scalar: Unicode.Scalar, to term: inout [UInt8]) {
        if scalar.isASCII {
            term.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { term.append($0) }
        }
    }

    private static func emit(_ words: inout [ScannedWord], start: Int, end: Int, term: [UInt8]) {
        // Xapian skips over-long words without using up a position.
        guard term.count <= Tokenizer.maxTermBytes else { return }
        words.append(ScannedWord(start: start, end: end, term: String(decoding: term, as: UTF8.self)))
    }

    // MARK: Character classes (xapian/unicode.h)

    static func isWordChar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < ScalarClasses.limit ? ScalarClasses.isWordChar(scalar) : readIsWordChar(scalar)
    }

    /// From Unicode's tables; `ScalarClasses` keeps the answers for the common scalars.
    static func readIsWordChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .enclosingMark, .spacingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < ScalarClasses.limit ? ScalarClasses.isDigit(scalar) : readIsDigit(scalar)
    }

    static func readIsDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    static func isASCIIUpper(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar)
    }

    /// Xapian's simple one-to-one lowercase mapping. Swift only offers the full mapping, which
    /// differs only for "İ" ("i̇"): its first scalar is the simple mapping.
    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < ScalarClasses.limit ? ScalarClasses.lower(scalar) : readLower(scalar)
    }

    static func readLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    enum Infix {
        case none, ignore
        case keep(Unicode.Scalar)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        (0x200B...0x200D).contains(scalar.value) || scalar.value == 0x2060 || scalar.value == 0xFEFF
    }

    /// `check_infix`: apostrophes, "&" (AT&T) and middle dots between letters.
    static func infix(_ scalar: Unicode.Scalar) -> Infix {
        switch scalar.value {
        case 0x27, 0x26, 0xB7, 0x5F4, 0x2027: return .keep(scalar)
        case 0x2019, 0x201B: return .keep("'")
        default: return isZeroWidth(scalar) ? .ignore : .none
        }
    }

    /// `check_infix_digit`: separators inside numbers ("1.416.000", "2,5").
    static func digitInfix(_ scalar: Unicode.Scalar) -> Infix {
        switch scalar.value {
        case 0x2C, 0x2E, 0x3B, 0x37E, 0x589, 0x60D, 0x7F8, 0x2044, 0xFE10, 0xFE13, 0xFE14:
            return .keep(scalar)
        default: return isZeroWidth(scalar) ? .ignore : .none
        }
    }
}

/// The classes the tokeniser asks about, for every scalar below U+0800 (Latin, Greek, Cyrillic,
/// Hebrew, Arabic …), read once from Unicode's tables: a property lookup costs more than the
/// rest of tokenising a word. Letter and case are the `Character` answers for the scalar alone.
enum ScalarClasses {
    static let limit: UInt32 = 0x800

    private struct Entry {
        var isWordChar: Bool
        var isDigit: Bool
        var isLetter: Bool
        var isUppercase: Bool
        var lower: Unicode.Scalar
    }

    private static let table: [Entry] = (0..<limit).map { value in
        guard let scalar = Unicode.Scalar(value) else {
            return Entry(isWordChar: false, isDigit: false, isLetter: false, isUppercase: false, lower: " ")
        }
        let character = Character(scalar)
        return Entry(
            isWordChar: XapianWordScanner.readIsWordChar(scalar), isDigit: XapianWordScanner.readIsDigit(scalar),
            isLetter: character.isLetter, isUppercase: character.isUppercase,
            lower: XapianWordScanner.readLower(scalar))
    }

    static func isWordChar(_ scalar: Unicode.Scalar) -> Bool { table[Int(scalar.value)].isWordChar }
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { table[Int(scalar.value)].isDigit }
    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar { table[Int(scalar.value)].lower }
    /// Only for scalars below `limit`.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { table[Int(scalar.value)].isLetter }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { table[Int(scalar.value)].isUppercase }
}
