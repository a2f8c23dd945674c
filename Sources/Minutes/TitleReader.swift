import DanishText

/// The document's own title: the first non-blank line before the first item that is neither a
/// separator ("---") nor a bare date. When that line only names the kind of document
/// ("# Referat", "Dagsorden") and the next line is a heading ("## Klyngestyregruppe Nord"), the
/// two are read as one title: "Referat Klyngestyregruppe Nord".
enum TitleReader {
    private static let documentKinds: Set<String> = [
        "referat", "dagsorden", "udkast", "udkast til referat", "mødereferat", "beslutningsreferat",
    ]

    static func title(_ document: SourceDocument, preambleEnd: Int) -> String? {
        let lines = document.lines.prefix(max(0, preambleEnd)).filter { line in
            let text = Normalizer.cleanLine(line.shape.inner)
            return !line.isBlank && !isSeparator(line.raw) && !text.isEmpty && DateScanner.whole(text) == nil
        }
        guard let first = lines.first else { return nil }
        var title = Normalizer.cleanLine(first.shape.inner)
        if documentKinds.contains(first.labelKey), lines.count > 1,
            lines[lines.startIndex + 1].shape.isStructured
        {
            title += " " + Normalizer.cleanLine(lines[lines.startIndex + 1].shape.inner)
        }
        return title.isEmpty ? nil : title
    }

    private static func isSeparator(_ raw: String) -> Bool {
        let text = raw.trimmedWhitespace
        return text.count >= 3 && text.allSatisfy { "-_*=".contains($0) }
    }
}
