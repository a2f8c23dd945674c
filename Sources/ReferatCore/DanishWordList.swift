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
    /// What a plain query's expansion needs, loaded together (`QueryBuilder`).
    static let forQueries = Result {
        DanishWords(lexicon: try lexicon.get(), splitter: try splitter.get(), derivations: try derivations.get())
    }
}

/// The word list's uses at query time: known words, compound splitting, derivations.
struct DanishWords {
    let lexicon: Lexicon
    let splitter: CompoundSplitter
    let derivations: Derivations
}
