import DanishText

/// Recognises the section headings inside an agenda item.
///
/// A line is a section heading when its text, without markup and a trailing colon, is one of
/// the labels below (any case), or a label, a colon and the section's first text on the same
/// line ("Referat: Godkendt", "Sagsforløb: BY"). Decisions are also marked as publishers date
/// them: "Beslutning i Økonomiudvalget den 1. oktober 2018:", "Behandling i Udvalget den
/// 3. maj 2021", "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 15". A marked-up line
/// (markdown heading or whole-line bold) may also be a sentence that opens with "Det
/// indstilles" ("**Det indstilles, at Politisk Niveau:**"); a plain line saying that is
/// recommendation text, not a heading.
enum SectionHeading {
    struct Match: Equatable {
        let kind: SectionKind
        /// The heading as written, cleaned of markup.
        let heading: String
        /// Text after the label on the same line, the section's first line.
        let text: String?
    }

    private static let labels: [String: SectionKind] = [
        "sagsfremstilling": .caseDescription,
        "beskrivelse af sagen": .caseDescription,
        "sagsbeskrivelse": .caseDescription,
        "baggrund": .caseDescription,
        "resume": .caseDescription,
        "resumé": .caseDescription,
        "sagsforløb": .caseDescription,
        "beslutningstema": .caseDescription,
        "økonomiske konsekvenser": .caseDescription,
        "økonomiske konsekvenser og finansiering": .caseDescription,
        "indstilling": .recommendation,
        "indstillinger": .recommendation,
        "det indstilles": .recommendation,
        "beslutning": .decision,
        "beslutninger": .decision,
        "referat": .decision,
        "konklusion": .decision,
    ]
    private static let longestLabel = labels.keys.map(\.utf8.count).max() ?? 0
    private static let datedDecisionOpenings = ["beslutning i ", "behandling i "]

    static func match(_ line: SourceLine) -> Match? {
        let key = line.labelKey
        guard !key.isEmpty, key.utf8.count <= 240 else { return nil }
        if let kind = labels[key]
            ?? (line.shape.isStructured && key.hasPrefix("det indstilles") ? .recommendation : nil)
            ?? (isDatedDecision(key, line: line) ? .decision : nil)
        {
            return Match(kind: kind, heading: Normalizer.cleanLine(line.shape.inner), text: nil)
        }
        // "Referat: Godkendt": a label, a colon, the first text of the section. (The labels are
        // short: only the start of a line is searched for the colon.)
        guard let colon = key.utf8.prefix(longestLabel + 1).firstIndex(of: UInt8(ascii: ":")),
            let kind = labels[key[..<colon].trimmedWhitespace]
        else { return nil }
        let heading = Normalizer.cleanLine(line.shape.inner)
        guard let split = heading.firstIndex(of: ":") else { return nil }
        let text = heading[heading.index(after: split)...].trimmedWhitespace
        return Match(kind: kind, heading: String(heading[...split]), text: text.isEmpty ? nil : text)
    }

    /// "beslutning i kommunalbestyrelsen den 06-06-2018", "behandling i udvalget:" (a colon
    /// ends the label), "sundheds- og omsorgsudvalget, 03-03-2016, pkt. 15".
    private static func isDatedDecision(_ key: String, line: SourceLine) -> Bool {
        if datedDecisionOpenings.contains(where: key.hasPrefix) {
            return line.shape.inner.hasSuffix(":") || (key.contains(" den ") && key.contains(where: \.isASCIIDigit))
        }
        // The committee form ends in the item's number.
        guard let last = key.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) else { return false }
        let parts = key.components(separatedBy: ", ")
        guard parts.count == 3, !parts[0].isEmpty, parts[2].hasPrefix("pkt.") else { return false }
        let date = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        let isDate =
            date.count == 3 && date.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && date[0].count <= 2 && date[1].count <= 2 && date[2].count == 4
        let number = parts[2].dropFirst(4).trimmedWhitespace
        return isDate && (1...3).contains(number.count) && number.allSatisfy(\.isASCIIDigit)
    }
}
