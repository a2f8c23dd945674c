/// The other spellings of a Danish word written without æ, ø and å, as PDF text, old documents
/// and names do ("Aarhus", "Søndergaard", "taet"): "aa" for å, "ae" for æ, "oe" for ø, and the
/// reverse. Meant for the query side: the caller keeps the variants its index knows.
public enum SpellingVariants {
    private static let pairs: [(written: String, folded: String)] = [("å", "aa"), ("æ", "ae"), ("ø", "oe")]
    /// At most this many places are varied (2⁴ spellings): a longer word is a typing accident.
    static let maximumSites = 4

    /// Every spelling of the lowercase `word` with some of its æ ø å written as ae oe aa or the
    /// reverse, without `word` itself; empty when it has none of them.
    public static func variants(of word: String) -> [String] {
        // The word as pieces, each either fixed text or a site with its two spellings.
        var pieces: [[String]] = []
        var rest = Substring(word)
        var sites = 0
        scan: while let first = rest.first {
            for pair in pairs {
                for (this, other) in [(pair.written, pair.folded), (pair.folded, pair.written)]
                where rest.hasPrefix(this) && sites < maximumSites {
                    pieces.append([this, other])
                    rest = rest.dropFirst(this.count)
                    sites += 1
                    continue scan
                }
            }
            pieces.append([String(first)])
            rest = rest.dropFirst()
        }
        guard sites > 0 else { return [] }
        var spellings = [""]
        for piece in pieces {
            spellings = spellings.flatMap { prefix in piece.map { prefix + $0 } }
        }
        return spellings.filter { $0 != word }
    }
}
