import DanishText
import Foundation

/// Reads the forum and the cluster. The forum is, in this order of trust:
/// 1. an "Udvalg" or "Forum" label before the first item, with its value after a colon, on the
///    next non-blank line ("UDVALG" / "Forretningsudvalget"; not when that line is another
///    label, "Udvalg:" / "Dato:"), or glued to it in a web page's text ("UdvalgÆldreråd");
/// 2. the document title, when it names the document (see `TitleReader.namesDocument`);
/// 3. the forum of a `MeetingStatement` dated the meeting's day ("Referat fra Ældrerådets møde
///    den 22. februar 2016", "Beslutning i Økonomiudvalget den 1. oktober 2018").
/// The cluster comes from the title alone.
///
/// The title rule:
/// Rule: from the title's words, drop the leading document words ("Referat", "Udkast",
/// "Dagsorden", "fra", "møde", "i", …) and everything from the date on ("d.", "den", a weekday,
/// a word starting with a digit, "kl."). An all-capitals title is put in ordinary case. The
/// cluster is
/// - the name after a "…klynge…" word ("Sundhedsklynge Nord", "Klyngestyregruppe Syd",
///   "Klynge Syd"): the name is the cluster and, at the end of the title, not part of the forum;
/// - or the first part of a "<Name>klyngen" compound ("Midtklyngen" → "Midt"), which stays in
///   the forum because it names the group ("Klyngestyregruppe Midtklyngen"); written apart at
///   the end of the title ("Faglig strategisk gruppe Gødstrup-klyngen") it is the cluster only.
/// The forum is what remains, a word "<…>møde" read as its group ("Klyngestyregruppemøde" →
/// "Klyngestyregruppe").
enum ForumReader {
    private static let leadingWords: Set<String> = [
        "referat", "referater", "udkast", "dagsorden", "dagsordener", "dagsordner", "mødereferat",
        "beslutningsreferat", "og", "fra", "til", "af", "for", "møde", "mødet", "i", "-", "–",
    ]
    private static let labels = ["udvalg", "forum"]

    /// The forum of an "Udvalg"/"Forum" label line before the first item (see the type's rule 1).
    static func labelled(_ document: SourceDocument, preambleEnd: Int) -> String? {
        for line in document.lines.prefix(max(0, preambleEnd)) where !line.isBlank {
            guard let label = labels.first(where: { line.labelKey.hasPrefix($0) }) else { continue }
            let text = Normalizer.cleanLine(line.shape.inner).filter { $0 != "*" }.trimmedWhitespace
            let rest = text.dropFirst(label.count)
            let value: String
            if line.labelKey == label {
                guard let next = document.nextNonBlank(after: line.number, within: 3),
                    !MeetingDateReader.isLabel(next)
                else { continue }
                value = Normalizer.cleanLine(next.shape.inner).filter { $0 != "*" }.trimmedWhitespace
            } else if rest.first == ":" {
                value = rest.dropFirst().trimmedWhitespace
            } else if let first = rest.first, first.isUppercase, rest.dropFirst().first?.isLowercase == true {
                value = String(rest)
            } else {
                continue
            }
            if let first = value.first, first.isUppercase, value.count <= 80 { return value }
        }
        return nil
    }
    private static let dateWords: Set<String> = ["d.", "d", "den", "dato", "kl.", "kl", "-", "–"]
    private static let genericPrefixes: Set<String> = ["sundheds", "sundhed"]

    static func read(title: String?) -> (forum: String?, cluster: String?) {
        guard let title else { return (nil, nil) }
        var words = title.split(whereSeparator: \.isWhitespace).map(String.init)
        while let first = words.first, leadingWords.contains(first.lowercased()) { words.removeFirst() }
        if let cut = words.firstIndex(where: startsDate) { words.removeSubrange(cut...) }
        words = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":,;")) }.filter { !$0.isEmpty }
        if isAllCapitals(words) { words = words.map(capitalized) }

        var cluster: String?
        for (index, word) in words.enumerated() {
            let key = word.lowercased()
            if key.contains("klynge"), !key.hasSuffix("klyngen"), !key.hasSuffix("klyngens"),
                index + 1 < words.count, isName(words[index + 1])
            {
                cluster = words[index + 1]
                if index + 1 == words.count - 1 { words.removeLast() }
                break
            }
            if key.hasSuffix("klyngen") {
                var prefix = String(word.dropLast("klyngen".count))
                // "Gødstrup-klyngen" writes the cluster's name apart: not part of the forum.
                let apart = prefix.hasSuffix("-")
                if apart { prefix.removeLast() }
                if prefix.count >= 2, !genericPrefixes.contains(prefix.lowercased()) {
                    cluster = capitalized(prefix)
                    if apart, index == words.count - 1 { words.removeLast() }
                    break
                }
            }
        }
        let forum = words.map(withoutMeetingSuffix).joined(separator: " ")
        return (forum.isEmpty ? nil : forum, cluster)
    }

    private static func startsDate(_ word: String) -> Bool {
        dateWords.contains(word.lowercased()) || word.first?.isNumber == true
            || DanishCalendar.weekday(named: word) != nil
    }

    /// A capitalised word of letters that is not itself a "…klynge…" word.
    private static func isName(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.allSatisfy(\.isLetter) else { return false }
        return !word.lowercased().contains("klynge")
    }

    private static func isAllCapitals(_ words: [String]) -> Bool {
        let letters = words.joined().filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// "Klyngestyregruppemøde" → "Klyngestyregruppe": the meeting of a group names the group.
    private static func withoutMeetingSuffix(_ word: String) -> String {
        word.lowercased().hasSuffix("møde") && word.count > 6 ? String(word.dropLast(4)) : word
    }
}
