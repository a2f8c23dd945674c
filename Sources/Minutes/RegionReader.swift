/// Reads the Danish region the minutes belong to, only when the text names it unambiguously:
/// the region whose name ("Nordjylland", also in "Regionshospital Nordjylland") occurs most
/// often, at least twice, and at least twice as often as any other region's name. Otherwise nil:
/// a cluster name alone ("Midt") never implies a region.
enum RegionReader {
    private static let regions: [(name: String, region: String)] = [
        ("Nordjylland", "Region Nordjylland"),
        ("Midtjylland", "Region Midtjylland"),
        ("Syddanmark", "Region Syddanmark"),
        ("Sjælland", "Region Sjælland"),
        ("Hovedstaden", "Region Hovedstaden"),
    ]

    private static let nameLengths = Set(regions.map(\.name.utf8.count))

    static func region(in text: String) -> String? {
        var counts = [String: Int]()
        forEachWord(in: text) { word in
            if let match = regions.first(where: { $0.name == word }) {
                counts[match.region, default: 0] += 1
            }
        }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 2 else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        return top.value >= 2 * runnerUp ? top.key : nil
    }

    /// Calls `body` with each run of letters in `text` that is as long as a region name.
    private static func forEachWord(in text: String, _ body: (Substring) -> Void) {
        // In simple scalar text every character is one scalar ("\r\n" aside: two non-letters),
        // so letters can be told scalar by scalar, much faster than by grapheme; and the text
        // is NFC, so a word of another byte length cannot equal a name.
        guard text.isSimpleScalarText else {
            text.split(whereSeparator: { !$0.isLetter }).forEach(body)
            return
        }
        var start: String.Index?
        let scalars = text.unicodeScalars
        func flush(_ end: String.Index) {
            guard let first = start else { return }
            start = nil
            let word = text[first..<end]
            if nameLengths.contains(word.utf8.count) { body(word) }
        }
        for index in scalars.indices {
            let scalar = scalars[index]
            let isLetter =
                scalar.isASCII
                ? (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(UInt8(scalar.value) | 0x20)
                : scalar.properties.isAlphabetic
            if isLetter {
                if start == nil { start = index }
            } else {
                flush(index)
            }
        }
        flush(text.endIndex)
    }
}
