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
        text.forEachLetterRun { word in
            // The text is NFC: a word of another byte length cannot equal a name.
            guard nameLengths.contains(word.utf8.count) else { return }
            if let match = regions.first(where: { $0.name == word }) {
                counts[match.region, default: 0] += 1
            }
        }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 2 else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        return top.value >= 2 * runnerUp ? top.key : nil
    }
}
