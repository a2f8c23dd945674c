/// Lines that end an agenda item early, opening a stretch of non-item text that runs to the
/// next item heading (or the end of the file):
/// - a break in the agenda: a heading by markup, or a short plain line, that starts with the
///   word "Pause" ("### **Pause kl. (10 min) 9.15-9.25**");
/// - after the last item only, the sign-off of the minutes: a line opening with the stock
///   formula "Således opfattet" or a "Referent:" label.
enum ItemBoundary {
    private static let signOffOpenings = ["således opfattet", "referent:", "ref.:"]

    static func isBreak(_ line: SourceLine) -> Bool {
        let text = line.shape.inner.filter { $0 != "*" }.trimmedWhitespace
        guard line.shape.isStructured || text.count <= 40 else { return false }
        let word = text.prefix { $0.isLetter }
        return word.lowercased() == "pause"
    }

    static func isSignOff(_ line: SourceLine) -> Bool {
        let text = line.shape.inner.filter { $0 != "*" }.trimmedWhitespace.lowercased()
        return text.count <= 80 && signOffOpenings.contains { text.hasPrefix($0) }
    }
}

/// The lines of one agenda item: its heading and, after it, the body up to the next item or a
/// boundary.
struct ItemSpan: Sendable {
    let heading: HeadingCandidate
    /// The body lines (after the heading), possibly empty.
    let body: ClosedRange<Int>?
    /// The last non-blank line of the item.
    let lastLine: Int

    /// Cuts the document at the chosen headings.
    static func spans(of headings: [HeadingCandidate], in document: SourceDocument) -> [ItemSpan] {
        headings.enumerated().map { index, heading in
            let isLast = index == headings.count - 1
            let limit = isLast ? document.lineCount : headings[index + 1].line - 1
            var end = limit
            if heading.lastLine < limit {
                for n in (heading.lastLine + 1)...limit {
                    let line = document[n]
                    if ItemBoundary.isBreak(line) || (isLast && ItemBoundary.isSignOff(line)) {
                        end = n - 1
                        break
                    }
                }
            }
            let body = heading.lastLine < end ? (heading.lastLine + 1)...end : nil
            let last = body.flatMap { document.lastNonBlank(in: $0) } ?? heading.lastLine
            return ItemSpan(heading: heading, body: body, lastLine: last)
        }
    }
}
