/// The lines of one agenda item: its heading and, after it, the body up to the next item or a
/// boundary.
struct ItemSpan: Sendable {
    let heading: HeadingCandidate
    /// The body lines (after the heading), possibly empty.
    let body: ClosedRange<Int>?
    /// The text that ends the item on the next heading's line, before that heading (glued to
    /// it), or nil.
    let textBeforeNext: String?
    /// The last non-blank line of the item (the next heading's line when `textBeforeNext` ends
    /// the item).
    let lastLine: Int

    /// The item's sections: the body lines, then the text before the next heading.
    func sections(in document: SourceDocument) -> [Section] {
        let lines = body.map { document.lines[($0.lowerBound - 1)..<$0.upperBound] } ?? []
        return SectionSplitter.sections(of: lines, textAfter: textBeforeNext)
    }

    /// Cuts the document at the chosen headings.
    static func spans(of headings: [HeadingCandidate], in document: SourceDocument) -> [ItemSpan] {
        headings.enumerated().map { index, heading in
            let isLast = index == headings.count - 1
            let limit = isLast ? document.lineCount : headings[index + 1].line - 1
            var end = limit
            if heading.lastLine < limit {
                for n in (heading.lastLine + 1)...limit {
                    let line = document[n]
                    let isBreak =
                        ItemBoundary.isBreak(line)
                        && (n + 1 > limit || ((n + 1)...limit).filter { !document[$0].isBlank }.count <= 2)
                    if isBreak || (isLast && ItemBoundary.isSignOff(line)) {
                        end = n - 1
                        break
                    }
                }
            }
            let body = heading.lastLine < end ? (heading.lastLine + 1)...end : nil
            let textBeforeNext =
                isLast || end < limit ? nil : headings[index + 1].textBefore.flatMap { $0.isWhitespaceOnly ? nil : $0 }
            let last =
                textBeforeNext != nil
                ? headings[index + 1].line : body.flatMap { document.lastNonBlank(in: $0) } ?? heading.lastLine
            return ItemSpan(heading: heading, body: body, textBeforeNext: textBeforeNext, lastLine: last)
        }
    }
}
