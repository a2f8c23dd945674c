import DanishText

/// Debian's Danish word list (package wdanish), read once per process when first needed: the
/// indexer splits compounds with it, the searcher splits and derives the query's words the same
/// way. 313,000 words take a moment to read.
enum DanishWordList {
    static let lexicon = Result {
        do {
            return try Lexicon.load()
        } catch {
            throw ReferatError.wordListMissing(reason: "\(error)")
        }
    }

    static let splitter = Result { CompoundSplitter(lexicon: try lexicon.get()) }
    static let derivations = Result { Derivations(lexicon: try lexicon.get()) }
}
