/// Lines whose numbered entries are never agenda headings, found from the blocks around them:
/// a table of contents, an attachment ("Bilag") list, runs of numbered list lines and numbered
/// recommendations; and the entries of lists that later headings repeat.
struct BlockContext: Sendable {
    /// A table of contents: the entries after an "Indholdsfortegnelse" label, and any line with
    /// dot leaders or a tab before a page number.
    private(set) var tableOfContents: Set<Int> = []
    /// Numbered or bulleted lines right after a lone "Bilag:" label (attachments are numbered
    /// across the whole meeting, so "5. Kommissorium" under item 4 is attachment 5, not item 5).
    private(set) var attachmentLists: Set<Int> = []
    /// Plain numbered lines followed by the next number on the very next non-blank line, or one
    /// line further when the line between continues a wrapped entry (starts in lower case):
    /// a list ("1. Godkender …", "2. Beslutter …"), where an agenda item would have a body.
    /// (Dates such as "2. Februar 2023" are not list entries.)
    private(set) var listRuns: Set<Int> = []
    /// Numbered lines right after a recommendation's lead-in ("Forvaltningen indstiller, at",
    /// "Borgmesteren indstiller,"), and the numbered lines that follow them: "1. Ældrerådet
    /// godkender dagsordenen." is what is recommended, not an item.
    private(set) var recommendations: Set<Int> = []
    /// The title keys of plain numbered lines directly followed by another numbered line (the
    /// entries of a table of contents or any other list; a page number and dot leaders
    /// dropped), by number, with their lines.
    private var listEntries: [Int: [(line: Int, key: String)]] = [:]

    static let bullets: Set<Character> = ["-", "•", "*", "–", "▪", "·"]
    private static let recommendationLeadIns = ["at", "indstiller", "indstilles"]

    private static let tocLabels: Set<String> = ["indholdsfortegnelse", "indhold"]
    private static let attachmentLabels: Set<String> = ["bilag", "bilagsliste", "bilagsoversigt"]

    init(document: SourceDocument) {
        markTablesOfContents(document)
        markAttachmentLists(document)
        markListRuns(document)
    }

    func excludesPlainHeading(at line: Int) -> Bool {
        tableOfContents.contains(line) || attachmentLists.contains(line) || listRuns.contains(line)
            || recommendations.contains(line)
    }

    /// Whether the candidate's number and title repeat a list entry above `line`: a table of
    /// contents before the bodies confirms the body headings it lists.
    func isListed(_ candidate: HeadingCandidate, before line: Int) -> Bool {
        guard let entries = listEntries[candidate.number] else { return false }
        let key = candidate.titleKey
        return entries.contains { $0.line < line && $0.key == key }
    }

    /// A table-of-contents entry: "Deltagere.....\t3", "Deltagere … 3", "Deltagere\t3".
    static func isTableOfContentsEntry(_ raw: String) -> Bool {
        let text = raw.trimmedWhitespace
        let page = text.reversed().prefix { $0.isASCIIDigit }
        guard (1...3).contains(page.count) else { return false }
        let beforePage = text.dropLast(page.count)
        if beforePage.last == "\t" { return true }
        let leader = beforePage.trimmedWhitespace
        return leader.hasSuffix("....") || leader.hasSuffix("…")
    }

    private mutating func markTablesOfContents(_ document: SourceDocument) {
        var inBlock = false
        for line in document.lines {
            if Self.tocLabels.contains(line.labelKey) {
                inBlock = true
                continue
            }
            if Self.isTableOfContentsEntry(line.raw) {
                tableOfContents.insert(line.number)
            } else if inBlock, !line.isBlank {
                // Under the label an entry may also be "Title 3": text, a space, a page number.
                if Self.endsWithPageNumber(line.raw) {
                    tableOfContents.insert(line.number)
                } else {
                    inBlock = false
                }
            }
        }
    }

    private static func endsWithPageNumber(_ raw: String) -> Bool {
        let text = raw.trimmedWhitespace
        let page = text.reversed().prefix { $0.isASCIIDigit }
        return (1...3).contains(page.count) && text.dropLast(page.count).last?.isWhitespace == true
    }

    private mutating func markAttachmentLists(_ document: SourceDocument) {
        var inBlock = false
        for line in document.lines {
            if Self.attachmentLabels.contains(line.labelKey) {
                inBlock = true
                continue
            }
            guard inBlock, !line.isBlank else { continue }
            if !line.shape.isStructured, Self.isListLine(line) {
                attachmentLists.insert(line.number)
            } else {
                inBlock = false
            }
        }
    }

    private mutating func markListRuns(_ document: SourceDocument) {
        let nonBlank = document.lines.filter { !$0.isBlank }
        let numbered: [NumberedText?] = nonBlank.map { line in
            guard !line.shape.isStructured, let numbered = NumberedText.parse(line.shape.inner),
                numbered.titlePlace == .sameLine, !numbered.isDate
            else { return nil }
            return numbered
        }
        var inRecommendation = false
        for (i, entry) in numbered.enumerated() {
            guard let entry else {
                inRecommendation = false
                continue
            }
            if i > 0, Self.endsWithRecommendationLeadIn(nonBlank[i - 1]) { inRecommendation = true }
            if inRecommendation { recommendations.insert(nonBlank[i].number) }
            guard i + 1 < numbered.count else { continue }
            if numbered[i + 1] != nil {
                // A title ending in a number may be a TOC entry's page: both readings are kept.
                for title in [entry.title, Self.withoutPageNumber(entry.title)].compactMap({ $0 }) {
                    listEntries[entry.number, default: []].append((nonBlank[i].number, HeadingCandidate.key(title)))
                }
            }
            var j = i + 1
            if numbered[j] == nil, j + 1 < numbered.count, Self.continuesEntry(nonBlank[j]) { j += 1 }
            if numbered[j]?.number == entry.number + 1 {
                listRuns.insert(nonBlank[i].number)
                listRuns.insert(nonBlank[j].number)
            }
        }
    }

    /// A table-of-contents entry's title without its page number and dot leaders ("Velkomst
    /// ..... 3", "Velkomst 3" → "Velkomst"), or nil when it ends otherwise.
    private static func withoutPageNumber(_ title: String) -> String? {
        let page = title.reversed().prefix { $0.isASCIIDigit }
        var text = title.dropLast(page.count)
        guard (1...3).contains(page.count), let last = text.last, last.isWhitespace || last == "." || last == "…"
        else { return nil }
        while let last = text.last, last.isWhitespace || last == "." || last == "…" { text = text.dropLast() }
        return String(text)
    }

    /// "Forvaltningen indstiller, at", "Det indstilles, at:", "Borgmesteren indstiller,": a
    /// line saying "indstille…" and ending in "at" or that verb (a prose line that merely ends
    /// in "at" wraps a sentence before a heading).
    private static func endsWithRecommendationLeadIn(_ line: SourceLine) -> Bool {
        let words = line.labelKey.split { !$0.isLetter }
        guard let last = words.last, recommendationLeadIns.contains(String(last)) else { return false }
        return words.contains { $0.hasPrefix("indstille") }
    }

    /// A line that carries on the entry above it: it starts with a lower-case letter.
    private static func continuesEntry(_ line: SourceLine) -> Bool {
        guard let first = line.shape.inner.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLetter && first.isLowercase
    }

    /// "- entry", "• entry", "* entry", "3. entry".
    private static func isListLine(_ line: SourceLine) -> Bool {
        let text = line.shape.inner
        if let first = text.first, bullets.contains(first) { return true }
        // "Punkt 8: …" is an agenda item, never an attachment.
        return NumberedText.parse(text).map { !$0.hasPunktWord } ?? false
    }
}
