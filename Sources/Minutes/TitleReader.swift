import DanishText

/// The document's own title, among the non-blank lines before the first item that are neither a
/// separator ("---"), nor a bare date, nor glued page navigation ("ForsidepilPolitikpil…",
/// "Region SyddanmarkTil forsiden": a capital right after a small letter inside a word):
/// - the first line that names the document (see `namesDocument`): "# Referat", "Byrådet -
///   Referat", "Socialudvalget - 11-01-2021";
/// - else the first such line (web pages open with their own furniture, "Tilbage til oversigt",
///   so only a title that names the document gives a forum).
/// When the title only names the kind of document ("# Referat", "Dagsorden") and the next line
/// is a heading ("## Klyngestyregruppe Nord"), the two are read as one title: "Referat
/// Klyngestyregruppe Nord".
enum TitleReader {
    private static let documentKinds: Set<String> = [
        "referat", "dagsorden", "udkast", "udkast til referat", "mødereferat", "beslutningsreferat",
    ]
    /// First words of a title that names the document ("Dagsordner og referater Faglig …" is
    /// the rm.dk page title).
    private static let kindWords: Set<String> = [
        "referat", "referater", "dagsorden", "dagsordener", "dagsordner", "udkast", "mødereferat",
        "beslutningsreferat",
    ]

    static func title(_ document: SourceDocument, preambleEnd: Int) -> String? {
        let lines = document.lines.prefix(max(0, preambleEnd)).filter { line in
            let text = Normalizer.cleanLine(line.shape.inner)
            return !line.isBlank && !isSeparator(line.raw) && !text.isEmpty && DateScanner.whole(text) == nil
                && !isGlued(text)
        }
        guard
            let first = lines.first(where: { namesDocument(Normalizer.cleanLine($0.shape.inner)) }) ?? lines.first,
            let index = lines.firstIndex(where: { $0.number == first.number })
        else { return nil }
        var title = Normalizer.cleanLine(first.shape.inner)
        if documentKinds.contains(first.labelKey), index + 1 < lines.endIndex, lines[index + 1].shape.isStructured {
            title += " " + Normalizer.cleanLine(lines[index + 1].shape.inner)
        }
        return title.isEmpty ? nil : title
    }

    /// A title that names the document: it opens with the kind of document ("Referat …",
    /// "Udkast til referat …", "Mødereferat 22. februar 2016"), or one of its parts between
    /// spaced dashes is the kind or a date ("Økonomiudvalget – Referat – 1. oktober 2018",
    /// "Socialudvalget - 11-01-2021").
    static func namesDocument(_ title: String) -> Bool {
        let text = title.filter { $0 != "*" }
        if let first = text.split(whereSeparator: \.isWhitespace).first,
            kindWords.contains(first.lowercased().trimmingPunctuation)
        {
            return true
        }
        let parts = text.split(separator: " - ").flatMap { $0.split(separator: " – ") }.map {
            String($0).trimmedWhitespace
        }
        return parts.count > 1
            && parts.contains { kindWords.contains($0.lowercased()) || DateScanner.whole($0) != nil }
    }

    /// "ForsidepilPolitikpil", "SyddanmarkTil": a capitalised word right after three small
    /// letters is text glued together from page navigation, not written ("NordKAP" is written).
    static func isGlued(_ text: String) -> Bool {
        let c = Array(text)
        var lowerRun = 0
        for i in c.indices {
            if lowerRun >= 3, c[i].isUppercase, i + 1 < c.count, c[i + 1].isLowercase { return true }
            lowerRun = c[i].isLowercase ? lowerRun + 1 : 0
        }
        return false
    }

    private static func isSeparator(_ raw: String) -> Bool {
        let text = raw.trimmedWhitespace
        return text.count >= 3 && text.allSatisfy { "-_*=".contains($0) }
    }
}
