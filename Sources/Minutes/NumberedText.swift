/// The agenda number at the start of a heading's text, in the forms Danish publishers write:
/// `5. Title`, `5: Title`, `5   Title` (spaces, no dot), `38Godkendelse` (glued),
/// `Punkt 2: Title`, `Pkt. 15 Title`, `Pkt. 15` alone (the title on the next line) and
/// `Sag nr. 24` alone (the title on the line before). Reads shape only; whether the line is an
/// agenda heading is decided elsewhere.
struct NumberedText: Sendable, Equatable {
    /// Where the title of the item is written.
    enum TitlePlace: Sendable, Equatable {
        case sameLine
        /// "Pkt. 15" alone on its line.
        case nextLine
        /// "Sag nr. 24" alone on its line.
        case previousLine
    }

    let number: Int
    /// The rest of the text after the number and its separator, trimmed, inline markup kept;
    /// empty when the title is on another line.
    let title: String
    /// Written with the word "Punkt"/"Pkt."/"Sag nr.", which only agenda items use (never a
    /// date or a list).
    let hasPunktWord: Bool
    let titlePlace: TitlePlace

    private static let punktWords = ["punkt", "pkt."]
    private static let caseWords = ["sag nr.", "sag nr"]
    private static let words = punktWords + caseWords
    private static let punktSeparators: Set<Character> = [":", ".", ")", "-", "–"]

    static func parse(_ text: String) -> NumberedText? {
        var rest = Substring(text.trimmedWhitespace)
        // Every numbered text opens with a digit, the "p" of "Punkt"/"Pkt." or the "s" of "Sag nr.".
        guard let first = rest.utf8.first,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first | 0x20 == UInt8(ascii: "p")
                || first | 0x20 == UInt8(ascii: "s")
        else { return nil }
        var word: String?
        for candidate in words
        where candidate.utf8.first == first | 0x20 && rest.prefix(candidate.count).lowercased() == candidate {
            let after = rest.dropFirst(candidate.count)
            guard let next = after.first, next.isWhitespace || next.isASCIIDigit else { continue }
            rest = after.drop { $0.isWhitespace }
            word = candidate
            break
        }
        let digits = rest.prefix { $0.isASCIIDigit }
        guard (1...3).contains(digits.count), let number = Int(digits), number > 0 else { return nil }
        rest = rest.dropFirst(digits.count)

        if let word {
            if caseWords.contains(word) {
                // "Sag nr. 24" names the item only alone on its line; "Sag nr. 24 …" is prose.
                guard rest.allSatisfy(\.isWhitespace) else { return nil }
                return NumberedText(number: number, title: "", hasPunktWord: true, titlePlace: .previousLine)
            }
            // "Punkt 2: Title", "Punkt 2. Title", "Punkt 2 - Title", "Punkt 2 Title", "Pkt. 15" alone.
            var separated = false
            let spaced = rest.drop { $0.isWhitespace }
            if let sep = spaced.first, punktSeparators.contains(sep) {
                rest = spaced.dropFirst()
                separated = true
            }
            if rest.allSatisfy(\.isWhitespace) {
                return NumberedText(number: number, title: "", hasPunktWord: true, titlePlace: .nextLine)
            }
            guard let next = rest.first, next.isWhitespace || next.isLetter else { return nil }
            let title = rest.trimmedWhitespace
            // "Punkt 10 blev behandlet efter punkt 4", "Pkt. 16 flyttes til …": a sentence. With a
            // separator a lower-case title is a title ("Punkt 2: eNærhospital").
            if !separated, Self.startsLowercase(title) { return nil }
            return NumberedText(number: number, title: title, hasPunktWord: true, titlePlace: .sameLine)
        }
        // "2. Title", "2: Title": the mark and a space are required, so "10.15", "10:15" (times),
        // "1.064" or "2022" never match; "2   Title" needs two spaces (a page number and its
        // text are one space apart); "38Godkendelse" needs a capital and a small letter.
        let marked = (rest.first == "." || rest.first == ":") && rest.dropFirst().first?.isWhitespace == true
        let spaced = rest.prefix(2).count == 2 && rest.prefix(2).allSatisfy(\.isWhitespace)
        let glued = rest.first?.isUppercase == true && rest.dropFirst().first?.isLowercase == true
        guard marked || spaced || glued else { return nil }
        if marked { rest = rest.dropFirst() }
        let title = rest.trimmedWhitespace
        guard title.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return NumberedText(number: number, title: title, hasPunktWord: false, titlePlace: .sameLine)
    }

    /// The first numbered heading glued to the end of other text in `text` — after a word or a
    /// sentence with no space: "Indholdsfortegnelse1. Fraværende", "…tandlægeoverenskomsten1.
    /// Meddelelse - …", "…taget til efterretning.2. Meddelelse" (a web page's blocks flattened
    /// into one line) — split off: the text before it and the heading. Nil when there is none.
    static func splitGlued(_ text: String) -> (before: String, heading: String)? {
        // The cheap test first, without allocating: a digit followed by ". " somewhere.
        var found = false
        var (beforeLast, last): (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte == UInt8(ascii: " "), last == UInt8(ascii: "."), (0x30...0x39).contains(beforeLast) {
                found = true
                break
            }
            (beforeLast, last) = (last, byte)
        }
        guard found else { return nil }
        let characters = Array(text)
        var i = 1
        while i < characters.count {
            // After a word, or after the end of a sentence ("…efterretning.2. Meddelelse"), but
            // not after a number ("1.2. Formål" is a section number).
            let afterWord =
                characters[i - 1].isLetter
                || (i >= 2 && ".?!)".contains(characters[i - 1]) && characters[i - 2].isLetter)
            guard characters[i].isASCIIDigit, afterWord else {
                i += 1
                continue
            }
            var end = i
            while end < characters.count, characters[end].isASCIIDigit { end += 1 }
            if end - i <= 3, end + 2 < characters.count, characters[end] == ".", characters[end + 1] == " ",
                characters[end + 2].isUppercase
            {
                return (String(characters[..<i]), String(characters[i...]))
            }
            i = end
        }
        return nil
    }

    /// The title begins with a month name: "21. september 2022" is a date, not item 21.
    var isDate: Bool { !hasPunktWord && DanishCalendar.startsWithMonthName(title) }

    /// The title's first word is in lower case ("1. halvår 2025 …", "1. at …"): a sentence, not a
    /// heading. A word with a capital inside is a name ("eNærhospital", "iPad").
    var startsLowercase: Bool { Self.startsLowercase(title) }

    /// "2. a. Title", "2. b) Title": a sub-item, part of item 2.
    var isSubItem: Bool {
        let characters = title.prefix(3)
        guard characters.count == 3, let letter = characters.first, letter.isLetter else { return false }
        let mark = characters[characters.index(after: characters.startIndex)]
        return (mark == "." || mark == ")") && characters.last!.isWhitespace
    }

    private static func startsLowercase(_ title: some StringProtocol) -> Bool {
        guard let start = title.firstIndex(where: { $0.isLetter || $0.isNumber }), title[start].isLowercase else {
            return false
        }
        return !title[start...].prefix(while: \.isLetter).contains(where: \.isUppercase)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
