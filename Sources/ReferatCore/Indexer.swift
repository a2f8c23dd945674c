import Foundation
import Logging
import Minutes
import Xapian

/// What one indexing run did.
public struct IndexSummary: Sendable, Equatable {
    public var files = 0
    public var items = 0
    public var failed = 0
    public var seconds = 0.0
}

/// Indexes the minutes under a corpus root into a Xapian database, one document per agenda item.
public struct Indexer {
    public let corpus: CorpusReader
    public let databasePath: String
    public var logger: Logger

    public init(corpusRoot: URL, databasePath: String, logger: Logger = Logger(label: "referat.index")) {
        corpus = CorpusReader(root: corpusRoot)
        self.databasePath = databasePath
        self.logger = logger
    }

    public func run() throws -> IndexSummary {
        let start = Date()
        let files = try corpus.files()
        let database = try openWriter()
        var problems: [String] = []
        let synonyms = Synonyms.load(fromCorpus: corpus.root, problems: &problems)
        problems.forEach { logger.warning("\($0)") }
        let builder = DocumentBuilder(terms: try TermIndexer(), synonyms: synonyms)
        try storeSynonyms(synonyms, in: database, stem: builder.terms.stem)
        var summary = IndexSummary()
        for file in files {
            do {
                summary.items += try index(file, into: database, builder: builder)
                summary.files += 1
            } catch {
                summary.failed += 1
                logger.warning("\(file.relativePath): skipped: \(error)")
            }
        }
        try database.commit()
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    private func openWriter() throws -> WritableDatabase {
        do {
            try FileManager.default.createDirectory(
                atPath: databasePath, withIntermediateDirectories: true)
            return try WritableDatabase(path: databasePath)
        } catch let error as XapianError where error.kind == .databaseLock {
            throw ReferatError.indexLocked(path: databasePath)
        } catch let error as XapianError {
            throw ReferatError.indexUnreadable(path: databasePath, reason: error.message)
        }
    }

    /// Replaces every item of `file` in the index; returns how many it has now.
    private func index(_ file: CorpusFile, into database: WritableDatabase, builder: DocumentBuilder) throws -> Int {
        let (text, legacy) = CorpusReader.text(of: try Data(contentsOf: file.url))
        if legacy {
            logger.warning("\(file.relativePath): not valid UTF-8, read as Windows-1252")
        }
        let meeting = MinutesParser.parse(text)
        try database.deleteDocuments(withTerm: IndexSchema.filePrefix + file.relativePath)
        for item in meeting.items {
            let record = ItemRecord(file: file.relativePath, meeting: meeting, item: item)
            let document = try builder.document(for: record, item: item, meeting: meeting)
            try database.replaceDocument(uniqueTerm: IndexSchema.idPrefix + record.id, with: document)
        }
        for (word, count) in builder.terms.takeSpellingWords() {
            try database.addSpelling(word, increment: count)
        }
        return meeting.items.count
    }

    /// Replaces Xapian's synonym table with the corpus's synonym groups.
    private func storeSynonyms(
        _ synonyms: Synonyms, in database: WritableDatabase, stem: (String) throws -> String
    ) throws {
        for key in try database.synonymKeys() {
            try database.clearSynonyms(for: key)
        }
        for (key, synonym) in try synonyms.tableEntries(stem: stem) {
            try database.addSynonym(synonym, for: key)
        }
    }
}
