import DanishText

/// Splits the lines of one agenda item (after its heading) into sections. Text before the
/// first section heading is `.body`; each section heading starts a section that runs to the
/// next one. Other sub-headings ("Bilag", "Økonomi") stay in the text of their section.
enum SectionSplitter {
    static func sections(of lines: ArraySlice<SourceLine>) -> [Section] {
        var sections: [Section] = []
        var kind = SectionKind.body
        var heading: String?
        var buffer: [SourceLine] = []

        func flush() {
            let text = normalizedText(buffer)
            if heading != nil || !text.isEmpty {
                sections.append(Section(kind: kind, heading: heading, text: text))
            }
            buffer = []
        }

        for line in lines {
            if let next = SectionHeading.kind(of: line) {
                flush()
                kind = next
                heading = SectionHeading.heading(of: line)
            } else {
                buffer.append(line)
            }
        }
        flush()
        return sections
    }

    /// The lines without leading and trailing blank lines, normalised as one block.
    private static func normalizedText(_ lines: [SourceLine]) -> String {
        guard let first = lines.firstIndex(where: { !$0.isBlank }),
            let last = lines.lastIndex(where: { !$0.isBlank })
        else { return "" }
        return Normalizer.normalize(lines: lines[first...last].map(\.raw))
    }
}
