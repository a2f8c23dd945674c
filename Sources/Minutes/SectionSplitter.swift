import DanishText

/// Splits the lines of one agenda item (after its heading) into sections. Text before the
/// first section heading is `.body`; each section heading starts a section that runs to the
/// next one (text after the label on the heading's line is the section's first line). Other
/// sub-headings ("Bilag", "Økonomi") stay in the text of their section. `textAfter`, the text
/// on the next heading's line before that heading, ends the last section.
enum SectionSplitter {
    static func sections(of lines: ArraySlice<SourceLine>, textAfter: String? = nil) -> [Section] {
        var sections: [Section] = []
        var kind = SectionKind.body
        var heading: String?
        var buffer: [String] = []

        func flush() {
            let text = normalizedText(buffer)
            if heading != nil || !text.isEmpty {
                sections.append(Section(kind: kind, heading: heading, text: text))
            }
            buffer = []
        }

        for line in lines {
            if let match = SectionHeading.match(line) {
                flush()
                kind = match.kind
                heading = match.heading
                buffer = match.text.map { [$0] } ?? []
            } else {
                buffer.append(line.raw)
            }
        }
        if let textAfter { buffer.append(textAfter) }
        flush()
        return sections
    }

    /// The lines without leading and trailing blank lines, normalised as one block.
    private static func normalizedText(_ lines: [String]) -> String {
        guard let first = lines.firstIndex(where: { !$0.isWhitespaceOnly }),
            let last = lines.lastIndex(where: { !$0.isWhitespaceOnly })
        else { return "" }
        return Normalizer.normalize(lines: Array(lines[first...last]))
    }
}
