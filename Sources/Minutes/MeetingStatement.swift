import DanishText

/// A sentence that names a forum's meeting or decision and its date:
/// - a meeting: "Møde i Kommunalbestyrelsen mandag den 28. november 2005", "mødet i
///   Sundhedsstyregruppen" with "den 31. januar 2019 kl. 14:00" opening the next line (also with
///   no forum: "til / mødet i / den 22. november 2023"), "Ældrerådets møde den 22. februar 2016";
///   never "næste møde i …" and the like (another meeting);
/// - a decision: "Beslutning i Økonomiudvalget den 1. oktober 2018",
///   "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 15".
/// The forum is the capitalised words naming it ("Formandskabet for Vækstforum"), a genitive
/// read as the name ("Ældrerådets" → "Ældrerådet"); nil when the sentence names none.
struct MeetingStatement: Sendable, Equatable {
    enum Kind: Sendable { case meeting, decision }

    let kind: Kind
    let forum: String?
    let date: MeetingDate
    /// The line the sentence starts on.
    let line: Int

    /// The statements of a document in line order.
    static func statements(in document: SourceDocument) -> [MeetingStatement] {
        document.lines.flatMap { line -> [MeetingStatement] in
            guard !line.isBlank, mayState(line.labelKey) else { return [] }
            let text = Normalizer.cleanLine(line.shape.inner).filter { $0 != "*" }
            return statements(in: text, line: line.number) {
                document.nextNonBlank(after: line.number, within: 3).flatMap {
                    DateScanner.leading(in: Normalizer.cleanLine($0.shape.inner).filter { $0 != "*" })?.date
                }
            }
        }
    }

    /// Cheap test on the lower-cased line: a word of a statement, or a comma before a digit.
    private static func mayState(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in
            let meeting: [UInt8] = Array("møde".utf8)
            let beslutning: [UInt8] = Array("beslutning".utf8)
            func matches(_ word: [UInt8], at i: Int) -> Bool {
                guard i + word.count <= bytes.count else { return false }
                for k in word.indices where bytes[i + k] != word[k] { return false }
                return true
            }
            for i in bytes.indices {
                switch bytes[i] {
                case UInt8(ascii: "m"): if matches(meeting, at: i) { return true }
                case UInt8(ascii: "b"): if matches(beslutning, at: i) { return true }
                case UInt8(ascii: ","):
                    if i + 2 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i + 2]) {
                        return true
                    }
                default: break
                }
            }
            return false
        }
    }

    /// Words before "møde" that make it another meeting than the one minuted.
    private static let otherMeeting: Set<String> = [
        "næste", "sidste", "forrige", "kommende", "førstkommende", "seneste", "første", "tidligere", "et", "nyt",
    ]

    private struct Word {
        let text: String
        let start: Int
        let end: Int
        /// Lower case, without the punctuation around it.
        let key: String

        init(text: String, start: Int, end: Int) {
            self.text = text
            self.start = start
            self.end = end
            key = text.lowercased().trimmingPunctuation
        }
    }

    static func statements(in text: String, line: Int, nextLineDate: () -> MeetingDate?) -> [MeetingStatement] {
        let chars = Array(text)
        let words = Self.words(chars)
        let mentions = DateScanner.mentions(in: text).filter { $0.date != nil }
        /// The dated mention starting right after character `end` (only spaces and commas between).
        func dateAfter(_ end: Int) -> MeetingDate? {
            guard let mention = mentions.first(where: { $0.start >= end }),
                chars[end..<mention.start].allSatisfy({ $0.isWhitespace || $0 == "," })
            else { return nil }
            return mention.date
        }
        /// Forum words from word `index` on: their end and the name, nil when a non-name word
        /// comes before the date or the line's end.
        func forum(from index: Int) -> (end: Int, name: String?)? {
            var end = index < words.count ? words[index].start : chars.count
            var names: [String] = []
            for word in words[index...] {
                if mentions.contains(where: { $0.start <= word.start && word.start < $0.end }) { break }
                guard isForumWord(word.text) else { return nil }
                names.append(word.text.trimmingPunctuation)
                end = word.end
            }
            while let last = names.last, ["og", "for"].contains(last) { names.removeLast() }
            return (end, names.isEmpty ? nil : names.joined(separator: " "))
        }

        var found: [MeetingStatement] = []
        for (index, word) in words.enumerated() {
            let key = word.key
            let before = index > 0 ? words[index - 1] : nil
            if key == "møde" || key == "mødet" {
                if let before, otherMeeting.contains(before.key) { continue }
                if index + 1 < words.count, words[index + 1].key == "i", word.text.last?.isLetter == true {
                    guard let (end, name) = forum(from: index + 2) else { continue }
                    let date =
                        end == chars.count || chars[end...].allSatisfy(\.isWhitespace) ? nextLineDate() : dateAfter(end)
                    if let date { found.append(MeetingStatement(kind: .meeting, forum: name, date: date, line: line)) }
                } else if key == "møde", let name = genitive(words, before: index), let date = dateAfter(word.end) {
                    found.append(MeetingStatement(kind: .meeting, forum: name, date: date, line: line))
                }
            } else if key == "beslutning", index + 1 < words.count, words[index + 1].key == "i",
                let (end, name) = forum(from: index + 2), let name, let date = dateAfter(end)
            {
                found.append(MeetingStatement(kind: .decision, forum: name, date: date, line: line))
            }
        }
        // "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 15": the line opens with the forum.
        if let comma = words.firstIndex(where: { $0.text.hasSuffix(",") }), comma < 6,
            let (end, name) = forum(from: 0), let name, end == words[comma].end, let date = dateAfter(end)
        {
            found.append(MeetingStatement(kind: .decision, forum: name, date: date, line: line))
        }
        return found
    }

    /// "Ældrerådets" → "Ældrerådet", "Social- og Sundhedsudvalgets" → "Social- og Sundhedsudvalget":
    /// the capitalised genitive right before word `index`.
    private static func genitive(_ words: [Word], before index: Int) -> String? {
        guard index > 0 else { return nil }
        let owner = words[index - 1].text
        guard owner.count > 3, owner.hasSuffix("s"), owner.first?.isUppercase == true, owner.allSatisfy(\.isLetter)
        else { return nil }
        var name = String(owner.dropLast())
        if index >= 3, words[index - 2].key == "og", words[index - 3].text.hasSuffix("-"),
            words[index - 3].text.first?.isUppercase == true
        {
            name = words[index - 3].text + " og " + name
        }
        return name
    }

    /// A word of a forum's name: capitalised ("Sundheds-", "Vækstforum"), or "og"/"for" between such.
    private static func isForumWord(_ word: String) -> Bool {
        let bare = word.trimmingPunctuation
        if bare == "og" || bare == "for" { return true }
        guard let first = bare.first, first.isUppercase else { return false }
        return bare.allSatisfy { $0.isLetter || $0 == "-" }
    }

    private static func words(_ chars: [Character]) -> [Word] {
        var words: [Word] = []
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            let start = i
            while i < chars.count, !chars[i].isWhitespace { i += 1 }
            if i > start { words.append(Word(text: String(chars[start..<i]), start: start, end: i)) }
        }
        return words
    }
}

extension String {
    /// Without the punctuation around a word in a sentence (",", ":", ".", quotes, brackets); a
    /// hyphen stays ("Sundheds-").
    var trimmingPunctuation: String {
        let isMark = { (c: Character) in ",;:.!?\"'()[]«»“”„".contains(c) }
        guard let first = firstIndex(where: { !isMark($0) }), let last = lastIndex(where: { !isMark($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
