import DanishText
import Xapian

/// Keeps Xapian's spelling data equal to the words of the indexed items: each item adds one to
/// the frequency of each of its words, and removing the item takes it away again. The words
/// are read from the document's own term list both ways, so what is added is exactly what is
/// later removed.
enum SpellingData {
    /// Plain words (not prefixed terms, numbers or stop words) of three letters or more.
    static func words(of document: Document) throws -> [String] {
        try document.terms().map(\.term).filter(isSpellingWord)
    }

    static func isSpellingWord(_ term: String) -> Bool {
        guard let first = term.first, first.isLowercase else { return false }
        return term.count >= 3 && term.allSatisfy(\.isLetter) && !StopWords.danish.contains(term)
    }

    static func add(_ documents: [Document], to database: WritableDatabase) throws {
        var counts: [String: Int] = [:]
        for document in documents {
            for word in try words(of: document) { counts[word, default: 0] += 1 }
        }
        for (word, count) in counts.sorted(by: { $0.key < $1.key }) {
            try database.addSpelling(word, increment: count)
        }
    }

    /// Deletes every item indexed by `term` (e.g. a file's), and their words from the spelling data.
    static func deleteDocuments(withTerm term: String, from database: WritableDatabase) throws {
        var counts: [String: Int] = [:]
        for docid in try database.documentIDs(withTerm: term) {
            for word in try words(of: try database.document(docid)) { counts[word, default: 0] += 1 }
        }
        for (word, count) in counts.sorted(by: { $0.key < $1.key }) {
            try database.removeSpelling(word, decrement: count)
        }
        try database.deleteDocuments(withTerm: term)
    }
}
