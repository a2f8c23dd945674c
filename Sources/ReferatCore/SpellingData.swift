import DanishText
import Xapian

/// Keeps Xapian's spelling data equal to the words of the indexed items: each item adds one to
/// the frequency of each of its words, and removing the item takes it away again. A new item's
/// words are collected while it is built (`TermIndexer.documentSpellingWords`, tested equal to
/// its term list's); a removed item's are read back from its term list, so what is added is
/// exactly what is later removed. The changes are counted in a `SpellingDelta` and reach Xapian
/// through `PendingSpelling`.
enum SpellingData {
    /// Plain words (not prefixed terms, numbers or stop words) of three letters or more.
    static func words(of document: Document) throws -> [String] {
        try document.terms().map(\.term).filter(isSpellingWord)
    }

    static func isSpellingWord(_ term: String) -> Bool {
        guard let first = term.first, first.isLowercase else { return false }
        return term.count >= 3 && term.allSatisfy(\.isLetter) && !StopWords.danish.contains(term)
    }

    /// Deletes every item indexed by `term` (e.g. a file's) and counts their words out in `delta`.
    static func deleteDocuments(
        withTerm term: String, from database: WritableDatabase, into delta: inout SpellingDelta
    ) throws {
        let docids = try database.documentIDs(withTerm: term)
        guard !docids.isEmpty else { return }
        for docid in docids {
            delta.subtract(try words(of: try database.document(docid)))
        }
        try database.deleteDocuments(withTerm: term)
    }
}

/// Net changes to spelling frequencies: word → how many items gained it (positive) or lost it
/// (negative). Adding and taking away the same item cancels out.
struct SpellingDelta: Equatable, Sendable {
    private(set) var counts: [String: Int] = [:]

    init() {}

    var isEmpty: Bool { counts.isEmpty }
    /// Distinct words changed.
    var count: Int { counts.count }

    mutating func add(_ words: some Sequence<String>) { change(words, by: 1) }
    mutating func subtract(_ words: some Sequence<String>) { change(words, by: -1) }

    mutating func add(_ other: SpellingDelta) {
        for (word, count) in other.counts { change(word, by: count) }
    }

    private mutating func change(_ words: some Sequence<String>, by amount: Int) {
        for word in words { change(word, by: amount) }
    }

    private mutating func change(_ word: String, by amount: Int) {
        let total = counts[word, default: 0] + amount
        counts[word] = total == 0 ? nil : total
    }

    /// Adds the counts to the database's spelling data. Exact as long as no frequency would
    /// drop below zero, which holds when every word taken away was added before.
    func apply(to database: WritableDatabase) throws {
        for (word, count) in counts.sorted(by: { $0.key < $1.key }) {
            if count > 0 {
                try database.addSpelling(word, increment: count)
            } else {
                try database.removeSpelling(word, decrement: -count)
            }
        }
    }

    /// One "word count" line per word, sorted (spelling words hold letters only).
    var encoded: String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
    }

    init?(encoded: String) {
        for line in encoded.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let count = Int(parts[1]) else { return nil }
            change(String(parts[0]), by: count)
        }
    }
}
