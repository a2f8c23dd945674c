import DanishText
import Foundation

/// Debian's Danish word list (package wdanish), read once per process when first needed: the
/// indexer splits compounds with it, the searcher splits and derives the query's words the same
/// way. 313,000 words take a moment to read, so what reading them finds is kept in the user's
/// cache directory for the next process.
enum DanishWordList {
    static let lexicon = Result {
        do {
            return try Lexicon.load(cacheDirectory: cacheDirectory)
        } catch {
            throw ReferatError.wordListMissing(reason: "\(error)")
        }
    }

    /// `$XDG_CACHE_HOME/referat`, else `~/.cache/referat`; nil when neither is set.
    static var cacheDirectory: URL? {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? environment["HOME"].flatMap {
                $0.isEmpty ? nil : URL(fileURLWithPath: $0).appendingPathComponent(".cache")
            }
        return base?.appendingPathComponent("referat")
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
