/// A list item's number in the formats Word (`w:numFmt`) and HTML (`<ol type>`) offer.
enum ListNumber {
    /// `value` in a Word number format name ("decimal", "lowerLetter", "upperRoman", …);
    /// unknown formats as decimal.
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
        case "lowerLetter": return letters(value)
        case "upperLetter": return letters(value).uppercased()
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        default: return "\(value)"
        }
    }

    /// Word's letters: a … z, then aa … zz, then aaa …
    private static func letters(_ value: Int) -> String {
        // A start value from a hostile file must not make a huge string.
        guard value > 0, value <= 26 * 20 else { return "\(value)" }
        let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let numerals = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var out = ""
        for (amount, numeral) in numerals {
            while rest >= amount {
                out += numeral
                rest -= amount
            }
        }
        return out
    }
}
