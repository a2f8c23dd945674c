/// Queries generated from a grammar of the query language (words, phrases, operators, fields,
/// ranges, wildcards, brackets) with odd Unicode, control characters and very long input mixed
/// in. Deterministic for a seed, so a failure can be replayed.
public struct QueryFuzzer: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// SplitMix64: small, fast and good enough to pick grammar branches.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func number(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func pick<T>(_ choices: [T]) -> T { choices[number(below: choices.count)] }
    private mutating func chance(_ percent: Int) -> Bool { number(below: 100) < percent }

    static let words = [
        "palliation", "IPS", "IPS'en", "KL's", "klynge", "akutplan", "blodprøvetagning", "mobil", "sundhedsaftale",
        "den", "og", "hvornår", "æøå", "ÆØÅ", "2022", "covid-19", "e-mail", "sundheds", "a", "x",
    ]
    static let fields = [
        "titel", "title", "beslutning", "indstilling", "klynge", "cluster", "forum", "region", "år", "year",
        "dato", "date", "ukendt", "",
    ]
    static let operators = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "ADJ/0", "and", "or"]
    static let odd = [
        "\u{0301}", "e\u{0301}", "\u{200B}", "\u{200F}", "\u{202E}", "\u{FEFF}", "😀", "👩‍👩‍👧", "\u{FFFD}",
        "\u{E000}", "\u{E001}", "𝔭𝔞𝔩𝔩𝔦", "ﬁ", "ß", "İ", "\u{10FFFF}", "中文", "עברית", "\\", "%", "&", "<b>",
        "\"", "'", "*", "**", ":", "..", "(", ")", "+", "-", "~", "^", "#",
    ]

    private mutating func control() -> String {
        String(Character(Unicode.Scalar(UInt8(number(below: 32)))))
    }

    private mutating func word() -> String {
        switch number(below: 10) {
        case 0: return pick(Self.odd)
        case 1: return control()
        case 2: return pick(Self.words) + pick(Self.odd)
        default: return pick(Self.words)
        }
    }

    private mutating func date() -> String {
        pick(["2022-01-01", "2024-12-31", "2022-13-45", "1-2-3", "", "9999-99-99", "20220101", "i går"])
    }

    private mutating func term(depth: Int) -> String {
        switch number(below: 12) {
        case 0:
            return "\"" + (0..<number(below: 5)).map { _ in word() }.joined(separator: " ") + (chance(80) ? "\"" : "")
        case 1: return pick(Self.fields) + ":" + (chance(20) ? "\"" + word() + " " + word() + "\"" : word())
        case 2: return pick(["dato:", "date:", ""]) + date() + ".." + date()
        case 3: return word() + "*"
        case 4: return pick(["+", "-", "++", "-+"]) + word()
        case 5 where depth < 4: return "(" + query(depth: depth + 1) + (chance(80) ? ")" : "")
        case 6: return pick(Self.operators)
        default: return word()
        }
    }

    private mutating func query(depth: Int) -> String {
        var parts: [String] = []
        for index in 0..<(1 + number(below: 6)) {
            if index > 0, chance(30) { parts.append(pick(Self.operators)) }
            parts.append(term(depth: depth))
        }
        return parts.joined(separator: pick([" ", " ", " ", "  ", "\t", "\n", ""]))
    }

    /// The next query: usually a grammatical one, sometimes empty, blank or very long.
    public mutating func nextQuery() -> String {
        switch number(below: 100) {
        case 0: return ""
        case 1: return String(repeating: pick([" ", "\t", "\n"]), count: 1 + number(below: 5))
        case 2, 3:
            // Around the length limit and far past it.
            var long = ""
            let target = pick([999, 1000, 1001, 5000])
            while long.count < target { long += word() + " " }
            return String(long.prefix(target))
        default: return query(depth: 0)
        }
    }
}
