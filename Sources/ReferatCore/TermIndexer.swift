import DanishText
import Xapian

/// Turns Danish text into Xapian terms the way QueryParser (STEM_SOME) will look for them:
/// every word unstemmed with its position (phrases), and "Z" + its stem without position.
/// Not thread-safe: one per indexing thread.
final class TermIndexer {
    private let stemmer: Stemmer
    private let stopWords: Set<String>
    private let splitter: CompoundSplitter?
    /// The compound-part terms of each word seen (prefixed, plain and stemmed; empty for words
    /// that are not compounds): splitting is the costliest step of indexing a new word.
    private var partTermsCache: [String: [String]] = [:]
    /// Stems repeat endlessly in a corpus; the shim call is the expensive part.
    private var stemCache: [String: String] = [:]
    /// What indexing each word seen needs beyond the word itself: one lookup per occurrence.
    private var wordCache: [String: WordTerms] = [:]
    /// The words of the document being built, in order, for recognising synonym phrases.
    private(set) var documentWords: [(term: String, position: Int)] = []
    /// The document's plain terms that belong in the spelling data: the same words
    /// `SpellingData.words(of:)` reads back from its term list, without reading it.
    private(set) var documentSpellingWords: Set<String> = []
    /// The compound-part terms the document has so far.
    private var documentPartTerms: Set<String> = []

    /// - Parameter splitter: splits compound words into parts; nil indexes whole words only.
    init(splitter: CompoundSplitter?, stopWords: Set<String> = StopWords.danish) throws {
        stemmer = try Stemmer(language: IndexSchema.stemmerLanguage)
        self.stopWords = stopWords
        self.splitter = splitter
    }

    /// With compound splitting over Debian's Danish word list (package wdanish).
    convenience init() throws {
        try self.init(splitter: try DanishWordList.splitter.get())
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
        documentSpellingWords.removeAll(keepingCapacity: true)
        documentPartTerms.removeAll(keepingCapacity: true)
    }

    /// Indexes `text` into `document` from `startPosition`; returns the position after the last word.
    /// `prefix` also indexes the words under a field prefix (e.g. title words for `titel:`).
    @discardableResult
    func index(
        _ text: String, into document: Document, startPosition: Int, wdfIncrement: Int = 1, fieldPrefix: String? = nil
    ) throws -> Int {
        var next = startPosition
        let tokens = Tokenizer.tokenize(text)
        for (index, token) in tokens.enumerated() {
            let position = startPosition + token.position
            next = max(next, position + 1)
            documentWords.append((token.term, position))
            try post(token.term, at: position, wdfIncrement: wdfIncrement, fieldPrefix: fieldPrefix, into: document)
            for variant in token.variants {
                try post(variant, at: position, wdfIncrement: wdfIncrement, fieldPrefix: fieldPrefix, into: document)
            }
            if !token.isAcronym {
                // wdf 1 once per item: a part counts, less than the word on its own, and a
                // compound written twenty times does not outweigh the word written once. The
                // query parser searches this prefix beside the plain one (QueryBuilder).
                for term in try partTerms(of: token.term) where documentPartTerms.insert(term).inserted {
                    try document.addTerm(term, wdfIncrement: 1)
                }
            }
            if let word = elidedCompound(at: index, in: tokens) {
                try addPlain(word, position: position, wdfIncrement: wdfIncrement, into: document)
                try document.addTerm(IndexSchema.stemPrefix + (try stem(word)), wdfIncrement: wdfIncrement)
            }
        }
        return next
    }

    /// Conjunctions after which a suspended hyphen borrows the next compound's head.
    private static let coordinators: Set<String> = ["og", "eller", "samt"]

    /// The compound a suspended hyphen stands for: "Ældre- og handicapråd" → "ældreråd",
    /// "Børne- og Ungepsykiatri" → "børnepsykiatri"; nil elsewhere.
    private func elidedCompound(at index: Int, in tokens: [Token]) -> String? {
        let token = tokens[index]
        guard token.isSuspended, !token.isAcronym, index + 2 < tokens.count,
            Self.coordinators.contains(tokens[index + 1].term), !tokens[index + 2].isAcronym,
            let head = splitter?.split(tokens[index + 2].term)?.last
        else { return nil }
        let word = token.term + head
        return word.utf8.count <= IndexSchema.maxTermBytes ? word : nil
    }

    /// Indexes one word at `position`, and its stem, plain and (when given) under `fieldPrefix`.
    private func post(
        _ term: String, at position: Int, wdfIncrement: Int, fieldPrefix: String?, into document: Document
    ) throws {
        guard !term.isEmpty, term.utf8.count <= IndexSchema.maxTermBytes else { return }
        let stemTerm = try addPlain(term, position: position, wdfIncrement: wdfIncrement, into: document).stemTerm
        if let stemTerm { try document.addTerm(stemTerm, wdfIncrement: wdfIncrement) }
        if let fieldPrefix {
            try document.addPosting(fieldPrefix + term, position: position, wdfIncrement: wdfIncrement)
            if stemTerm != nil {
                try document.addTerm(
                    IndexSchema.stemPrefix + fieldPrefix + (try stem(term)), wdfIncrement: wdfIncrement)
            }
        }
    }

    private struct WordTerms {
        /// "Z" + the word's stem; nil for stop words, which are not stemmed.
        let stemTerm: String?
        /// `SpellingData.isSpellingWord`.
        let isSpellingWord: Bool
    }

    private func wordTerms(of term: String) throws -> WordTerms {
        if let cached = wordCache[term] { return cached }
        let terms = WordTerms(
            stemTerm: stopWords.contains(term) ? nil : IndexSchema.stemPrefix + (try stem(term)),
            isSpellingWord: SpellingData.isSpellingWord(term))
        wordCache[term] = terms
        return terms
    }

    private func partTerms(of word: String) throws -> [String] {
        if let cached = partTermsCache[word] { return cached }
        var terms: [String] = []
        for part in splitter?.split(word) ?? [] {
            terms.append(IndexSchema.compoundPartPrefix + part)
            terms.append(IndexSchema.stemPrefix + IndexSchema.compoundPartPrefix + (try stem(part)))
        }
        if !terms.isEmpty, let acronym = splitter?.acronym(of: word) {
            terms.append(IndexSchema.compoundAcronymPrefix + acronym)
        }
        partTermsCache[word] = terms
        return terms
    }

    /// Indexes `term` (and its stem) at `position`, e.g. a synonym implied by a phrase.
    func addImplied(_ term: String, position: Int, into document: Document) throws {
        try addPlain(term, position: position, wdfIncrement: 1, into: document)
        try document.addTerm(IndexSchema.stemPrefix + (try stem(term)))
    }

    /// Every unprefixed term goes through here, so `documentSpellingWords` sees them all.
    @discardableResult
    private func addPlain(_ term: String, position: Int, wdfIncrement: Int, into document: Document) throws
        -> WordTerms
    {
        try document.addPosting(term, position: position, wdfIncrement: wdfIncrement)
        let terms = try wordTerms(of: term)
        if terms.isSpellingWord { documentSpellingWords.insert(term) }
        return terms
    }
}
