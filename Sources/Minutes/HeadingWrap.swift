/// A plain heading in text flattened from a PDF wraps like any other line: "5. Seneste nyt om
/// … ved Søren" / "Aalund". The heading continues on the next line when
/// - the heading line is nearly full: at least 3/4 of the document's line width (the 90th
///   percentile of its non-blank line lengths — the width the PDF wrapped at) — and does not
///   end as a finished title would (".", "?", "!", ":", ")"), and
/// - the next non-blank line (at most one blank line away) is short (under 3/5 of the width)
///   and is not a list entry, a numbered line, a section label or a heading by markup.
/// Only text that was laid out in pages wraps: a width under 60 characters is not a PDF line
/// (a short note, a test), and in markdown documents a paragraph is one line, so the width is
/// large and a heading never fills it.
struct HeadingWrap: Sendable {
    let width: Int
    static let minimumPageWidth = 60

    init(document: SourceDocument) {
        let lengths = document.lines.filter { !$0.isBlank }.map { $0.raw.trimmedWhitespace.count }.sorted()
        width = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
    }

    /// The heading with any continuation lines added to its title and line range.
    func extend(_ heading: HeadingCandidate, in document: SourceDocument) -> HeadingCandidate {
        guard !heading.isStructured, heading.line == heading.lastLine, width >= Self.minimumPageWidth else {
            return heading
        }
        // Runs of spaces inside the line are layout ("1                  Regnskab"), not text.
        let first = document[heading.line].raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard first.count * 4 >= width * 3,
            let end = first.last, !".?!:)".contains(end),
            let next = document.nextNonBlank(after: heading.line, within: 2)
        else { return heading }
        let text = next.raw.trimmedWhitespace
        guard text.count * 5 < width * 3,
            !next.shape.isStructured,
            NumberedText.parse(text) == nil,
            !(text.first.map(BlockContext.bullets.contains) ?? true),
            SectionHeading.match(next) == nil
        else { return heading }
        var extended = heading
        extended.lastLine = next.number
        extended.titleParts.append(text)
        return extended
    }
}
