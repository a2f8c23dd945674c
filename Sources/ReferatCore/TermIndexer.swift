import DanishText
import Xapian

/// Turns Danish text into Xapian terms the way QueryParser (STEM_SOME) will look for them:
/// every word unstemmed with its position (phrases), and "Z" + its stem without position.
/// Not thread-safe: one per indexing thread.
final class TermIndexer {
    private let stemmer: Stemmer
    private let stopWords: Set<String>
    /// Stems repeat endlessly in a corpus; the shim call is the expensive part.
    private var stemCache: [String: String] = [:]

    init(stopWords: Set<String> = StopWords.danish) throws {
        stemmer = try Stemmer(language: IndexSchema.stemmerLanguage)
        self.stopWords = stopWords
    }

    func stem(_ word: String) throws -> String {
        if let cached = stemCache[word] { return cached }
        let stemmed = try stemmer.stem(word)
        stemCache[word] = stemmed
        return stemmed
    }

    /// Indexes `text` into `document` from `startPosition`; returns the position after the last word.
    /// `prefix` also indexes the words under a field prefix (e.g. title words for `titel:`).
    @discardableResult
    func index(
        _ text: String, into document: Document, startPosition: Int, wdfIncrement: Int = 1, fieldPrefix: String? = nil
    ) throws -> Int {
        var next = startPosition
        for token in Tokenizer.tokenize(text) {
            let position = startPosition + token.position
            next = max(next, position + 1)
            for term in [token.term] + token.variants where !term.isEmpty && term.utf8.count <= IndexSchema.maxTermBytes {
                let stemmed = stopWords.contains(term) ? nil : try stem(term)
                for prefix in [""] + (fieldPrefix.map { [$0] } ?? []) {
                    try document.addPosting(prefix + term, position: position, wdfIncrement: wdfIncrement)
                    if let stemmed {
                        try document.addTerm(IndexSchema.stemPrefix + prefix + stemmed, wdfIncrement: wdfIncrement)
                    }
                }
            }
        }
        return next
    }
}
