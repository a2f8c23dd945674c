import DanishText
import Xapian

/// Turns Danish text into Xapian terms the way QueryParser (STEM_SOME) will look for them:
/// every word unstemmed with its position (phrases), and "Z" + its stem without position.
/// Not thread-safe: one per indexing thread.
final class TermIndexer {
    private let stemmer: Stemmer
    private let stopWords: Set<String>
    private let splitter: CompoundSplitter?
    /// Compound parts by word; nil entries remember words that are not compounds.
    private var partsCache: [String: [String]?] = [:]
    /// Stems repeat endlessly in a corpus; the shim call is the expensive part.
    private var stemCache: [String: String] = [:]
    /// The words of the document being built, in order, for recognising synonym phrases.
    private(set) var documentWords: [(term: String, position: Int)] = []

    /// - Parameter splitter: splits compound words into parts; nil indexes whole words only.
    init(splitter: CompoundSplitter?, stopWords: Set<String> = StopWords.danish) throws {
        stemmer = try Stemmer(language: IndexSchema.stemmerLanguage)
        self.stopWords = stopWords
        self.splitter = splitter
    }

    /// With compound splitting over Debian's Danish word list (package wdanish).
    convenience init() throws {
        try self.init(splitter: try Self.danishSplitter.get())
    }

    /// Loaded once per process: 313,000 words take a moment to read.
    private static let danishSplitter = Result {
        do {
            return CompoundSplitter(lexicon: try Lexicon.load())
        } catch {
            throw ReferatError.wordListMissing(reason: "\(error)")
        }
    }

    func stem(_ word: String) throws -> String {
        if let cached = stemCache[word] { return cached }
        let stemmed = try stemmer.stem(word)
        stemCache[word] = stemmed
        return stemmed
    }

    /// Starts a new document: forgets the previous one's words.
    func beginDocument() {
        documentWords.removeAll(keepingCapacity: true)
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
            documentWords.append((token.term, position))
            for term in [token.term] + token.variants where !term.isEmpty && term.utf8.count <= IndexSchema.maxTermBytes
            {
                let stemmed = stopWords.contains(term) ? nil : try stem(term)
                for prefix in [""] + (fieldPrefix.map { [$0] } ?? []) {
                    try document.addPosting(prefix + term, position: position, wdfIncrement: wdfIncrement)
                    if let stemmed {
                        try document.addTerm(IndexSchema.stemPrefix + prefix + stemmed, wdfIncrement: wdfIncrement)
                    }
                }
            }
            if !token.isAcronym {
                for part in parts(of: token.term) {
                    // wdf 0: found by the part, weighted by nothing; the query parser searches
                    // this prefix beside the plain one (QueryBuilder).
                    try document.addTerm(IndexSchema.compoundPartPrefix + part, wdfIncrement: 0)
                    try document.addTerm(
                        IndexSchema.stemPrefix + IndexSchema.compoundPartPrefix + (try stem(part)), wdfIncrement: 0)
                }
            }
        }
        return next
    }

    private func parts(of word: String) -> [String] {
        guard let splitter else { return [] }
        if let cached = partsCache[word] { return cached ?? [] }
        let parts = splitter.split(word)
        partsCache[word] = .some(parts)
        return parts ?? []
    }

    /// Indexes `term` (and its stem) at `position`, e.g. a synonym implied by a phrase.
    func addImplied(_ term: String, position: Int, into document: Document) throws {
        try document.addPosting(term, position: position)
        try document.addTerm(IndexSchema.stemPrefix + (try stem(term)))
    }
}
