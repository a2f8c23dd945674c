import DanishText

/// Recognises the section headings inside an agenda item.
///
/// A line is a section heading when its text, without markup and a trailing colon, is one of
/// the labels below (any case). A marked-up line (markdown heading or whole-line bold) may
/// also be a sentence that opens with "Det indstilles" ("**Det indstilles, at Politisk
/// Niveau:**"); a plain line saying that is recommendation text, not a heading.
enum SectionHeading {
    private static let labels: [String: SectionKind] = [
        "sagsfremstilling": .caseDescription,
        "beskrivelse af sagen": .caseDescription,
        "sagsbeskrivelse": .caseDescription,
        "baggrund": .caseDescription,
        "indstilling": .recommendation,
        "indstillinger": .recommendation,
        "det indstilles": .recommendation,
        "beslutning": .decision,
        "beslutninger": .decision,
        "referat": .decision,
        "konklusion": .decision,
    ]

    static func kind(of line: SourceLine) -> SectionKind? {
        let key = line.labelKey
        if let kind = labels[key] { return kind }
        if line.shape.isStructured, key.hasPrefix("det indstilles") { return .recommendation }
        return nil
    }

    /// The heading as written, cleaned of markup.
    static func heading(of line: SourceLine) -> String {
        Normalizer.cleanLine(line.shape.inner)
    }
}
