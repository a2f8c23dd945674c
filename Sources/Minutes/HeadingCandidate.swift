import DanishText

/// A line that could open agenda item `number`.
struct HeadingCandidate: Sendable, Equatable {
    /// The heading's first physical line.
    let line: Int
    /// The heading's last physical line (later than `line` when a plain heading wraps, when its
    /// title is on the next line, or when the heading is printed twice).
    var lastLine: Int
    var number: Int
    /// The title as written on the heading line(s), number removed, inline markup kept.
    var titleParts: [String]
    /// A markdown heading or a wholly bold line, as opposed to a plain text line.
    let isStructured: Bool
    /// A bulleted link line ("• Pkt. 15 Title"): a heading only as the first copy of a heading
    /// printed twice.
    var isLink = false
    /// Text follows before the next candidate: the next non-blank line is not another candidate.
    var hasBody = true
    /// The number and title repeat an entry of a list earlier in the document (a table of
    /// contents): evidence that this line is the item's heading.
    var isListed = false
    /// A section label (Sagsfremstilling, Resume, Beslutning, …) follows within a few lines:
    /// evidence that this line opens an agenda item.
    var opensSections = false
    /// The text before a heading glued to the end of its line ("Taget til efterretning." of
    /// "Taget til efterretning.2. Meddelelse"): it ends the item before.
    var textBefore: String?

    /// The title as compared with other copies of it: cleaned, lower case, without a final
    /// colon or dot.
    var titleKey: String { Self.key(titleParts.joined(separator: " ")) }

    static func key(_ title: String) -> String {
        var key = Normalizer.cleanLine(title).lowercased()
        while key.hasSuffix(":") || key.hasSuffix(".") { key.removeLast() }
        return key
    }
}

/// Finds the lines that could be agenda headings, before choosing the sequence.
enum HeadingDetector {
    /// Every line that reads as a numbered heading (see `NumberedText`) and is not excluded by
    /// its own shape (a date, a sub-item "2. a.", a table row, a TOC entry) or, for a plain
    /// line, by the block around it (attachment list, list run, recommendation list) or by
    /// starting in lower case ("1. halvår 2025 …"; a line saying "Punkt" is exempt: "Punkt 2:
    /// eNærhospital"). A line whose number and title repeat an entry of an earlier list (a table
    /// of contents) is kept despite the block around it. A heading glued to the end of a line
    /// ("Indholdsfortegnelse1. Fraværende") is a candidate on that line. A heading printed twice
    /// (a link line, then the heading, at most one line apart) is one candidate.
    static func candidates(in document: SourceDocument, context: BlockContext) -> [HeadingCandidate] {
        var candidates: [HeadingCandidate] = []
        for line in document.lines where !line.isBlank {
            guard !line.raw.trimmedWhitespace.utf8.contains(UInt8(ascii: "\t")),  // a table row or TOC entry
                !context.tableOfContents.contains(line.number)
            else { continue }
            let glued = line.shape.isStructured ? nil : NumberedText.splitGlued(line.shape.inner)
            if let candidate = candidate(
                at: line, text: glued?.before ?? line.shape.inner, in: document, context: context)
            {
                candidates.append(candidate)
            }
            if let glued, let numbered = NumberedText.parse(glued.heading), numbered.titlePlace == .sameLine,
                !numbered.isDate, !numbered.isSubItem, !numbered.startsLowercase
            {
                var candidate = HeadingCandidate(
                    line: line.number, lastLine: line.number, number: numbered.number,
                    titleParts: [numbered.title], isStructured: false)
                candidate.isListed = context.isListed(candidate, before: line.number)
                candidate.textBefore = glued.before
                candidates.append(candidate)
            }
        }
        candidates = mergingDuplicates(candidates, in: document).filter { !$0.isLink }

        let firstLines = Set(candidates.map(\.line))
        for index in candidates.indices {
            let following = document.nonBlank(after: candidates[index].lastLine, count: 3)
            candidates[index].hasBody = following.first.map { !firstLines.contains($0.number) } ?? false
            candidates[index].opensSections = following.prefix { !firstLines.contains($0.number) }
                .contains { SectionHeading.match($0) != nil }
        }
        return candidates
    }

    private static func candidate(
        at line: SourceLine, text: String, in document: SourceDocument, context: BlockContext
    ) -> HeadingCandidate? {
        let bullet = text.first.map(BlockContext.bullets.contains) ?? false
        let text = bullet ? String(text.dropFirst()) : text
        guard let numbered = NumberedText.parse(text), !numbered.isDate, !numbered.isSubItem else { return nil }
        var candidate: HeadingCandidate
        switch numbered.titlePlace {
        case .sameLine:
            candidate = HeadingCandidate(
                line: line.number, lastLine: line.number, number: numbered.number, titleParts: [numbered.title],
                isStructured: line.shape.isStructured)
        case .nextLine:
            guard let title = document.nextNonBlank(after: line.number, within: 2), isTitle(title) else { return nil }
            candidate = HeadingCandidate(
                line: line.number, lastLine: title.number, number: numbered.number,
                titleParts: [title.shape.inner], isStructured: line.shape.isStructured)
        case .previousLine:
            guard let title = document.previousNonBlank(before: line.number, within: 2), isTitle(title) else {
                return nil
            }
            candidate = HeadingCandidate(
                line: title.number, lastLine: line.number, number: numbered.number,
                titleParts: [title.shape.inner], isStructured: title.shape.isStructured)
        }
        if bullet {
            candidate.isLink = true
            return candidate
        }
        candidate.isListed = context.isListed(candidate, before: candidate.line)
        if !candidate.isStructured, !candidate.isListed,
            (numbered.startsLowercase && !numbered.hasPunktWord) || context.excludesPlainHeading(at: line.number)
        {
            return nil
        }
        return candidate
    }

    /// A line that can be the title of a heading written on another line: not a numbered
    /// line and not a section label.
    private static func isTitle(_ line: SourceLine) -> Bool {
        NumberedText.parse(line.shape.inner) == nil && SectionHeading.match(line) == nil
    }

    /// Each candidate followed, at most one non-blank line further, by a copy of itself (same
    /// number and title) becomes one candidate running from the first copy to the last line of
    /// the second ("1. Godkendelse af dagsorden (B)" / "1.     Godkendelse af dagsorden (B)";
    /// "• Pkt. 15 Title" / "Pkt. 15" / "Title").
    private static func mergingDuplicates(
        _ candidates: [HeadingCandidate], in document: SourceDocument
    ) -> [HeadingCandidate] {
        var merged: [HeadingCandidate] = []
        var index = 0
        while index < candidates.count {
            var candidate = candidates[index]
            if index + 1 < candidates.count {
                let copy = candidates[index + 1]
                let between = document.nonBlank(after: candidate.lastLine, count: 2).map(\.number)
                if copy.number == candidate.number, between.contains(copy.line),
                    copy.titleKey == candidate.titleKey
                {
                    candidate = HeadingCandidate(
                        line: candidate.line, lastLine: copy.lastLine, number: copy.number,
                        titleParts: copy.titleParts, isStructured: candidate.isStructured || copy.isStructured,
                        isListed: candidate.isListed || copy.isListed)
                    index += 1
                }
            }
            merged.append(candidate)
            index += 1
        }
        return merged
    }
}

extension SourceDocument {
    /// The first `count` non-blank lines after line `number`.
    func nonBlank(after number: Int, count: Int) -> [SourceLine] {
        var found: [SourceLine] = []
        var n = number + 1
        while n <= lineCount, found.count < count {
            if !self[n].isBlank { found.append(self[n]) }
            n += 1
        }
        return found
    }

    /// The last non-blank line before `number`, looking at most `within` lines back.
    func previousNonBlank(before number: Int, within: Int) -> SourceLine? {
        var n = number - 1
        while n >= 1, number - n <= within {
            if !self[n].isBlank { return self[n] }
            n -= 1
        }
        return nil
    }
}
