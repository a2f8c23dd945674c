/// The agenda number at the start of a heading's text: `5. Title`, `Punkt 2: Title`,
/// `Pkt. 3 Title`. Reads shape only; whether the line is an agenda heading is decided elsewhere.
struct NumberedText: Sendable, Equatable {
    let number: Int
    /// The rest of the text after the number and its separator, trimmed, inline markup kept.
    let title: String
    /// Written with the word "Punkt"/"Pkt.", which only agenda items use (never a date or a list).
    let hasPunktWord: Bool

    private static let punktWords = ["punkt", "pkt."]
    private static let punktSeparators: Set<Character> = [":", ".", ")", "-", "–"]

    static func parse(_ text: String) -> NumberedText? {
        var rest = Substring(text.trimmedWhitespace)
        // Every numbered text opens with a digit or the "p" of "Punkt"/"Pkt.".
        guard let first = rest.utf8.first,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first | 0x20 == UInt8(ascii: "p")
        else { return nil }
        var hasPunktWord = false
        for word in punktWords where rest.prefix(word.count).lowercased() == word {
            rest = rest.dropFirst(word.count)
            guard let next = rest.first, next.isWhitespace || next.isASCIIDigit else { return nil }
            rest = rest.drop { $0.isWhitespace }
            hasPunktWord = true
            break
        }
        let digits = rest.prefix { $0.isASCIIDigit }
        guard (1...3).contains(digits.count), let number = Int(digits), number > 0 else { return nil }
        rest = rest.dropFirst(digits.count)

        if hasPunktWord {
            // "Punkt 2: Title", "Punkt 2. Title", "Punkt 2 Title"
            if let sep = rest.first, punktSeparators.contains(sep) { rest = rest.dropFirst() }
            guard let next = rest.first, next.isWhitespace || next.isLetter else { return nil }
        } else {
            // "2. Title": the dot and a space are required, so "10.15" (a time) or "2022" never match.
            guard rest.first == ".", rest.dropFirst().first?.isWhitespace == true else { return nil }
            rest = rest.dropFirst()
        }
        let title = rest.trimmedWhitespace
        guard title.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return NumberedText(number: number, title: title, hasPunktWord: hasPunktWord)
    }

    /// The title begins with a month name: "21. september 2022" is a date, not item 21.
    var isDate: Bool { !hasPunktWord && DanishCalendar.startsWithMonthName(title) }

    /// The first letter of the title is lower case ("1. halvår 2025 …"): a sentence, not a heading.
    var startsLowercase: Bool {
        guard let first = title.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLetter && first.isLowercase
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
