/// Stop words: words too frequent to help ranking.
public enum StopWords {
    /// The Snowball Danish stop word list: 94 words, lowercase, in the upstream order
    /// (most to least frequent).
    ///
    /// Source: snowballstem/snowball-website `algorithms/danish/stop.txt` (commit a5c23fcf6cb8),
    /// with the `|` comments and English glosses removed; identical to Lucene's `danish_stop.txt`.
    /// Licence: BSD-3-Clause, see snowball-website `license.tt` (Snowball: © 2001 Dr Martin Porter,
    /// © 2004-2005 Richard Boulton). Provenance: shared/testdata/SOURCES.md.
    public static let danish: Set<String> = [
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han",
        "af", "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min",
        "havde", "ham", "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op",
        "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev",
        "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres", "efter", "ned",
        "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "hende",
        "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle",
        "hos", "blive", "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
    ]
}
