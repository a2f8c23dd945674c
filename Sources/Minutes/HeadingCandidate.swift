/// A line that could open agenda item `number`.
struct HeadingCandidate: Sendable, Equatable {
    /// The heading's first physical line.
    let line: Int
    /// The heading's last physical line (later than `line` when a plain heading wraps).
    var lastLine: Int
    let number: Int
    /// The title as written on the heading line(s), number removed, inline markup kept.
    var titleParts: [String]
    /// A markdown heading or a wholly bold line, as opposed to a plain text line.
    let isStructured: Bool
    /// Text follows before the next candidate: the next non-blank line is not another candidate.
    var hasBody = true
}

/// Finds the lines that could be agenda headings, before choosing the sequence.
enum HeadingDetector {
    /// Every line that reads as "N. Title" or "Punkt N: Title" and is not excluded by its own
    /// shape (a date, a table row, a TOC entry) or, for a plain line, by the block around it
    /// (attachment list, list run) or by starting in lower case ("1. halvår 2025 …"; a line
    /// saying "Punkt" is exempt: "Punkt 2: eNærhospital").
    static func candidates(in document: SourceDocument, context: BlockContext) -> [HeadingCandidate] {
        var candidates: [HeadingCandidate] = document.lines.compactMap { line in
            guard !line.isBlank,
                let numbered = NumberedText.parse(line.shape.inner),
                !line.raw.trimmedWhitespace.utf8.contains(UInt8(ascii: "\t")),  // a table row or TOC entry
                !context.tableOfContents.contains(line.number),
                !numbered.isDate
            else { return nil }
            let structured = line.shape.isStructured
            if !structured,
                (numbered.startsLowercase && !numbered.hasPunktWord)
                    || context.excludesPlainHeading(at: line.number)
            {
                return nil
            }
            return HeadingCandidate(
                line: line.number, lastLine: line.number, number: numbered.number,
                titleParts: [numbered.title], isStructured: structured
            )
        }
        let lines = Set(candidates.map(\.line))
        for index in candidates.indices {
            let next = document.nextNonBlank(after: candidates[index].line)
            candidates[index].hasBody = next.map { !lines.contains($0.number) } ?? false
        }
        return candidates
    }
}
