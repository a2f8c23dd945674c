/// Lines whose numbered entries are never agenda headings, found from the blocks around them:
/// a table of contents, an attachment ("Bilag") list, and runs of numbered list lines.
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

    private static let tocLabels: Set<String> = ["indholdsfortegnelse", "indhold"]
    private static let attachmentLabels: Set<String> = ["bilag", "bilagsliste", "bilagsoversigt"]

    init(document: SourceDocument) {
        markTablesOfContents(document)
        markAttachmentLists(document)
        markListRuns(document)
    }

    func excludesPlainHeading(at line: Int) -> Bool {
        tableOfContents.contains(line) || attachmentLists.contains(line) || listRuns.contains(line)
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
        let numbers: [Int?] = nonBlank.map { line in
            guard !line.shape.isStructured, let numbered = NumberedText.parse(line.shape.inner),
                !numbered.isDate
            else { return nil }
            return numbered.number
        }
        for (i, number) in numbers.enumerated() {
            guard let number, i + 1 < numbers.count else { continue }
            var j = i + 1
            if numbers[j] == nil, j + 1 < numbers.count, Self.continuesEntry(nonBlank[j]) { j += 1 }
            if numbers[j] == number + 1 {
                listRuns.insert(nonBlank[i].number)
                listRuns.insert(nonBlank[j].number)
            }
        }
    }

    /// A line that carries on the entry above it: it starts with a lower-case letter.
    private static func continuesEntry(_ line: SourceLine) -> Bool {
        guard let first = line.shape.inner.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLetter && first.isLowercase
    }

    /// "- entry", "• entry", "* entry", "3. entry".
    private static func isListLine(_ line: SourceLine) -> Bool {
        let text = line.shape.inner
        if let first = text.first, ["-", "•", "*", "–", "▪", "·"].contains(first) { return true }
        return NumberedText.parse(text) != nil
    }
}
