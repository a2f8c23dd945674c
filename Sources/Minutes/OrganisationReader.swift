import DanishText

/// Reads the organisation that publishes the minutes — a region ("Region Syddanmark") or a
/// municipality ("Stevns Kommune") — when the page states it: the organisations named in the
/// title and the lines before the first item ("Region SyddanmarkTil forsiden", "Stevns Kommunes
/// mødekalender"), if they are all one. A name after a comma or "fra" is a participant's
/// affiliation ("Direktør Søren Liner, Herning kommune", "Fra Region Nordjylland" over a list of
/// participants), not the publisher, and is not counted. Otherwise nil: names in the agenda
/// items, or two organisations, state no publisher.
enum OrganisationReader {
    private static let regions = ["Nordjylland", "Midtjylland", "Syddanmark", "Sjælland", "Hovedstaden"]
    /// Capitalised at the start of a sentence, not a municipality's name ("Den kommune, der …").
    private static let sentenceStarts: Set<String> = ["Den", "Hver", "Enhver", "Samme", "Anden", "Region"]

    static func organisation(_ document: SourceDocument, preambleEnd: Int) -> String? {
        var named: Set<String> = []
        for line in document.lines.prefix(max(0, preambleEnd)) where !line.isBlank && mayName(line.labelKey) {
            named.formUnion(organisations(in: Normalizer.cleanLine(line.shape.inner)))
        }
        return named.count == 1 ? named.first : nil
    }

    /// Cheap test on the lower-cased line.
    private static func mayName(_ key: String) -> Bool {
        key.utf8.count >= 7 && (key.contains("region") || key.contains("kommune"))
    }

    /// "Region <name>" (the name may have text glued after it), "<Name> Kommune(s)"; not as an
    /// affiliation.
    static func organisations(in text: String) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        /// Whether the name starting at word `index` is an affiliation.
        func affiliation(_ index: Int) -> Bool {
            index > 0 && (words[index - 1].hasSuffix(",") || words[index - 1].lowercased() == "fra")
        }
        var found: [String] = []
        for (index, word) in words.enumerated() {
            if word == "Region", index + 1 < words.count,
                let region = regions.first(where: { words[index + 1].hasPrefix($0) }), !affiliation(index)
            {
                let rest = words[index + 1].dropFirst(region.count)
                // "Syddanmarks" (genitive) or "SyddanmarkTil" (glued): the name ends there.
                if rest.isEmpty || rest == "s" || rest.first?.isUppercase == true || rest.first?.isPunctuation == true {
                    found.append("Region " + region)
                }
            }
            let key = word.lowercased().trimmingPunctuation
            if key == "kommune" || key == "kommunes", index > 0 {
                let name = words[index - 1]
                if let first = name.first, first.isUppercase, name.allSatisfy({ $0.isLetter || $0 == "-" }),
                    !affiliation(index - 1), !sentenceStarts.contains(name)
                {
                    found.append(name + " Kommune")
                }
            }
        }
        return found
    }
}
