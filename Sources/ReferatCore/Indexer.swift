import DanishText
import DocumentText
import Foundation
import Logging
import Minutes
import Xapian

/// What one indexing run did.
public struct IndexSummary: Sendable, Equatable {
    /// Files indexed for the first time (or again after a rebuild or a schema/synonym change).
    public var added = 0
    /// Files whose bytes changed: their items were replaced.
    public var updated = 0
    /// Files gone from the corpus: their items were deleted.
    public var removed = 0
    /// Files with the bytes already indexed: not read further.
    public var unchanged = 0
    /// Paths skipped as unreadable (binary, empty, too large, broken symlink, …).
    public var failed = 0
    /// Warnings for files that were indexed anyway (legacy encoding, no agenda items found).
    public var warnings = 0
    /// Converters that are not installed (each reported once, as an error): the files that
    /// need them are counted as failed and keep what was indexed from them.
    public var missingConverters: Set<String> = []
    /// Items in the index after the run.
    public var items = 0
    /// Items written by this run.
    public var itemsWritten = 0
    public var seconds = 0.0
    /// Whether the run built a fresh database and swapped it in.
    public var rebuilt = false

    public init() {}

    /// Files whose items are in the index after the run.
    public var files: Int { added + updated + unchanged }

    /// One line: "5 files: 5 added, 0 updated, 0 removed, 0 unchanged, 0 failed; 44 items (44 written) in 1.23 s".
    public var line: String {
        "\(files) files: \(added) added, \(updated) updated, \(removed) removed, \(unchanged) unchanged, "
            + "\(failed) failed; \(items) items (\(itemsWritten) written)"
            + (rebuilt ? ", rebuilt" : "") + " in " + String(format: "%.2f s", seconds)
    }
}

/// How far a run has got, for a progress bar.
public struct IndexProgress: Sendable {
    public var done: Int
    public var total: Int
    public var started: Date
}

/// What happened to one file, for `--verbose`.
public struct IndexEvent: Sendable {
    public enum Kind: String, Sendable {
        case added, updated, removed, unchanged, failed
    }

    public var kind: Kind
    public var path: String
    public var items: Int
}

/// How to run the indexer.
public struct IndexOptions: Sendable {
    /// Build a fresh database beside the current one and swap it in when complete.
    public var rebuild = false
    /// Wait for another writer to finish instead of failing at once.
    public var waitForLock = false
    /// Files larger than this many bytes are skipped.
    public var maxFileSize = CorpusReader.defaultMaxFileSize
    /// Turns a file's bytes into text (the PDF converter and its limits, the DOCX limits).
    public var reader = DocumentReader()
    /// Files written per commit. Each batch is one Xapian transaction: its items and the files'
    /// hashes become durable together or not at all.
    public var batchSize = 50
    /// Threads that read and tokenise files (Xapian writes on one); the index is the same
    /// whatever the number.
    public var workers = IndexOptions.defaultWorkers
    /// Files between additions to Xapian's spelling data (see `PendingSpelling`).
    var spellingCheckpointFiles = 5_000

    public static let defaultWorkers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))

    public init(
        rebuild: Bool = false, waitForLock: Bool = false, maxFileSize: Int = CorpusReader.defaultMaxFileSize,
        batchSize: Int = 50, workers: Int = IndexOptions.defaultWorkers
    ) {
        self.rebuild = rebuild
        self.waitForLock = waitForLock
        self.maxFileSize = maxFileSize
        self.batchSize = batchSize
        self.workers = max(1, workers)
    }
}

/// Indexes the minutes under a corpus root into a Xapian database, one document per agenda
/// item, incrementally: a file whose bytes are already indexed is skipped, a changed file's
/// items are replaced, a vanished file's items deleted. See `IndexLocation` for the layout and
/// `IndexState` for what is remembered between runs.
///
/// Crash safety: writes go in batches, each a Xapian transaction holding whole files (their
/// old items deleted, new items added, hash recorded, spelling changes recorded as pending).
/// Killed at any moment, the database is at the last committed batch; the next run applies the
/// pending spelling changes and redoes exactly the files not recorded there.
///
/// Batches are prepared (read, parsed, tokenised) on worker threads one batch ahead of the
/// writer, and written in file order on the calling thread.
public struct Indexer {
    public let corpus: CorpusReader
    public let databasePath: String
    public var logger: Logger
    public var options: IndexOptions
    /// Called after each file (on the indexing thread).
    public var onProgress: ((IndexProgress) -> Void)?
    /// Called once per file with what was done to it.
    public var onEvent: ((IndexEvent) -> Void)?

    public init(
        corpusRoot: URL, databasePath: String, options: IndexOptions = IndexOptions(),
        logger: Logger = Logger(label: "referat.index")
    ) {
        corpus = CorpusReader(root: corpusRoot)
        self.databasePath = databasePath
        self.options = options
        self.logger = logger
    }

    public func run() throws -> IndexSummary {
        let start = Date()
        var summary = IndexSummary()
        let (files, problems) = try corpus.scan()
        let location = IndexLocation(path: databasePath)
        let lock = try location.lock(wait: options.waitForLock) {
            logger.notice("waiting for another `referat index` to finish updating \(databasePath)")
        }
        defer { withExtendedLifetime(lock) {} }

        // Under the lock: leftovers of a rebuild that never finished are not the index.
        let layout = location.layout
        location.removeGenerations(except: location.generationsInUse())

        let target: String
        if options.rebuild {
            let next = (location.generations().map(\.number).max() ?? 0) + 1
            target = location.file(IndexLocation.generationName(next))
        } else if layout == .missing {
            // A new index starts as generation 1, so a later rebuild can swap atomically.
            let first = IndexLocation.generationName(1)
            try openWriter(at: location.file(first), mode: .createOrOverwrite).close()
            try location.writeStub(generation: first)
            target = databasePath
        } else {
            target = databasePath
        }

        let database = try openWriter(at: target, mode: options.rebuild ? .createOrOverwrite : .createOrOpen)
        try PendingSpelling.recover(in: database, indexPath: databasePath)
        // Nothing to delete for any file: skips a lookup per file in a first build or rebuild.
        let startedEmpty = try database.documentCount == 0
        // Loading the synonyms and the tokenizer's word list is most of an unchanged run's cost:
        // only when something is indexed. One builder per worker thread: Xapian handles and
        // the builders' caches are not shared between threads.
        let synonyms = Lazy<Synonyms> { [corpus, logger] in
            var problems: [String] = []
            let synonyms = Synonyms.load(fromCorpus: corpus.root, problems: &problems)
            for problem in problems { logger.warning("\(problem)") }
            return synonyms
        }
        let builders = (0..<options.workers).map { _ in
            Lazy<DocumentBuilder> { DocumentBuilder(terms: try TermIndexer(), synonyms: try synonyms.value) }
        }
        let builder = builders[0]

        var folderProblems: [FolderMetadataError] = []
        let folders = FolderMetadata.load(for: files, root: corpus.root, problems: &folderProblems)
        for problem in folderProblems {
            summary.warnings += 1
            logger.warning("\(problem)")
        }
        for problem in problems {
            summary.failed += 1
            logger.warning("\(problem)")
            onEvent?(IndexEvent(kind: .failed, path: problem.relativePath, items: 0))
        }

        var stored = try IndexState.files(in: database)
        // Files already in the index count as updated, not added, when everything is redone.
        var indexedBefore: Set<String> = []
        let fingerprint = IndexState.fingerprint(synonymsFile: corpus.root.appendingPathComponent(Synonyms.fileName))
        if try database.metadata(IndexState.fingerprintKey) != fingerprint {
            // New schema or synonyms: every file is indexed again. Forget the hashes (not the
            // items: each file's are replaced when it is indexed) in one commit with the new
            // fingerprint and synonym table.
            try database.transaction {
                for entry in stored.values { try database.setMetadata(entry.key, "") }
                let builder = try builder.value
                try storeSynonyms(builder.synonyms, in: database, stem: builder.terms.stem)
                try database.setMetadata(IndexState.fingerprintKey, fingerprint)
            }
            indexedBefore = Set(stored.keys)
            stored = [:]
        }

        let present = Set(files.map(\.relativePath))
        let vanished = stored.filter { !present.contains($0.key) }.sorted { $0.key < $1.key }
        let progressTotal = files.count + vanished.count
        var done = 0
        var spelling = PendingSpelling(checkpointFiles: options.spellingCheckpointFiles)
        let batchSize = max(1, options.batchSize)
        let batchCount = (files.count + batchSize - 1) / batchSize
        let batchFiles = { @Sendable (batch: Int) in
            Array(files[(batch * batchSize)..<min(files.count, (batch + 1) * batchSize)])
        }
        let prepared = PreparedAhead(count: batchCount) {
            [stored, folders, maxFileSize = options.maxFileSize, reader = options.reader] batch in
            try Self.prepare(
                batchFiles(batch), stored: stored, folders: folders, builders: builders, maxFileSize: maxFileSize,
                reader: reader)
        }
        defer { prepared.stop() }
        for index in 0..<batchCount {
            guard let outcomes = try prepared.next() else { break }
            let batch = batchFiles(index)
            try database.transaction {
                var delta = SpellingDelta()
                for (file, outcome) in zip(batch, outcomes) {
                    try write(
                        file, outcome, stored: stored[file.relativePath],
                        indexedBefore: indexedBefore.contains(file.relativePath), mayHaveItems: !startedEmpty,
                        into: database, spelling: &delta, summary: &summary)
                    done += 1
                    onProgress?(IndexProgress(done: done, total: progressTotal, started: start))
                }
                try spelling.record(delta, files: batch.count, in: database)
            }
            if spelling.isDue { try spelling.checkpoint(database) }
        }
        if !vanished.isEmpty {
            try database.transaction {
                var delta = SpellingDelta()
                for (path, entry) in vanished {
                    try SpellingData.deleteDocuments(
                        withTerm: IndexSchema.filePrefix + path, from: database, into: &delta)
                    try database.setMetadata(entry.key, "")
                    summary.removed += 1
                    onEvent?(IndexEvent(kind: .removed, path: path, items: 0))
                    done += 1
                    onProgress?(IndexProgress(done: done, total: progressTotal, started: start))
                }
                try spelling.record(delta, files: vanished.count, in: database)
            }
        }
        try spelling.checkpoint(database)
        summary.items = try database.documentCount

        // A full build (a rebuild, or the first build of an index) is compacted into the next
        // generation: written in batches, its B-trees are half empty.
        let compact = (options.rebuild || layout == .missing) && summary.itemsWritten > 0
        if options.rebuild || compact {
            try database.commit()
            try database.close()
            let built = options.rebuild ? (target as NSString).lastPathComponent : IndexLocation.generationName(1)
            var generation = built
            if compact {
                generation = try location.compactedCopy(of: built)
                // A rebuild's own generation was never current, so no reader has it.
                if options.rebuild { location.removeGeneration(built) }
            }
            try location.writeStub(generation: generation)
            if layout == .plain { location.removePlainDatabase() }
            // A first build's own generation was current until the swap.
            if compact && !options.rebuild { location.removeGeneration(built) }
            location.removeGenerations(except: location.generationsInUse())
            summary.rebuilt = options.rebuild
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    private func openWriter(at path: String, mode: WritableDatabase.OpenMode) throws -> WritableDatabase {
        do {
            return try WritableDatabase(path: path, mode: mode, waitForLock: options.waitForLock)
        } catch let error where error.kind == .databaseLock {
            throw ReferatError.indexLocked(path: databasePath)
        } catch {
            throw ReferatError.indexUnreadable(path: databasePath, reason: error.message)
        }
    }

    /// What reading and parsing one file gave, before anything is written.
    enum Prepared {
        case unreadable(CorpusProblem)
        case unchanged
        case failed(String)
        case ready(
            content: CorpusContent, fingerprint: String, documents: [(id: String, document: Document)],
            spelling: SpellingDelta, wholeMeeting: Bool)
    }

    /// Collects one batch's outcomes from the worker threads. @unchecked: `outcomes` and
    /// `error` are only touched under `lock`; each Xapian handle inside is made by one worker
    /// and then used by the writer alone, never by two threads at once.
    private final class PreparedBatch: @unchecked Sendable {
        var outcomes: [Prepared?]
        var error: (any Error)?
        let lock = NSLock()

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }
    }

    /// Prepares `files` on up to `builders.count` threads, each with its own builder.
    private static func prepare(
        _ files: [CorpusFile], stored: [String: IndexState.Entry], folders: [String: FolderMetadata],
        builders: [Lazy<DocumentBuilder>], maxFileSize: Int, reader: DocumentReader
    ) throws -> [Prepared] {
        let batch = PreparedBatch(count: files.count)
        let workers = min(builders.count, files.count)
        let slice = (files.count + workers - 1) / max(1, workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in (worker * slice)..<min(files.count, (worker + 1) * slice) {
                do {
                    let file = files[index]
                    let outcome = try prepare(
                        file, stored: stored[file.relativePath],
                        folder: folders[FolderMetadata.parent(of: file.relativePath)], builder: builders[worker],
                        maxFileSize: maxFileSize, reader: reader)
                    batch.lock.withLock { batch.outcomes[index] = outcome }
                } catch {
                    batch.lock.withLock { batch.error = batch.error ?? error }
                }
            }
        }
        if let error = batch.error { throw error }
        return batch.outcomes.map { $0! }
    }

    private static func prepare(
        _ file: CorpusFile, stored: IndexState.Entry?, folder: FolderMetadata?,
        builder lazyBuilder: Lazy<DocumentBuilder>, maxFileSize: Int, reader: DocumentReader
    ) throws -> Prepared {
        let content: CorpusContent
        switch CorpusReader.read(file, maxFileSize: maxFileSize, reader: reader) {
        case .failure(let problem): return .unreadable(problem)
        case .success(let read): content = read
        }
        let fingerprint = FolderMetadata.fingerprint(contentHash: content.hash, metadata: folder)
        if let stored, stored.hash == fingerprint { return .unchanged }
        let builder = try lazyBuilder.value
        do {
            let parsed = MinutesParser.parse(content.text)
            let meeting = folder?.filling(parsed) ?? parsed
            var items = meeting.items
            let wholeMeeting = items.isEmpty
            if wholeMeeting {
                items = [Self.wholeMeeting(meeting, text: content.text, path: file.relativePath)]
            }
            var spelling = SpellingDelta()
            let documents = try items.map { item in
                let record = ItemRecord(file: file.relativePath, meeting: meeting, item: item)
                let document = try builder.document(for: record, item: item, meeting: meeting)
                spelling.add(builder.terms.documentSpellingWords)
                return (record.id, document)
            }
            return .ready(
                content: content, fingerprint: fingerprint, documents: documents, spelling: spelling,
                wholeMeeting: wholeMeeting)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Brings one file's items up to date inside the current transaction, from what
    /// `prepare` made of it, and counts the spelling changes in `spelling`; warnings and events
    /// come out here, in file order. `mayHaveItems` is false when the database started the run
    /// empty: no file has items to replace.
    private func write(
        _ file: CorpusFile, _ prepared: Prepared, stored: IndexState.Entry?, indexedBefore: Bool, mayHaveItems: Bool,
        into database: WritableDatabase, spelling: inout SpellingDelta, summary: inout IndexSummary
    ) throws {
        let path = file.relativePath
        switch prepared {
        case .unreadable(let problem):
            if case .converterMissing(let tool, _) = problem.cause {
                // The file may be fine: said once a run, and its items stay.
                summary.failed += 1
                if summary.missingConverters.insert(tool).inserted { logger.error("\(problem.cause!)") }
                onEvent?(IndexEvent(kind: .failed, path: path, items: 0))
                return
            }
            summary.failed += 1
            logger.warning("\(problem)")
            onEvent?(IndexEvent(kind: .failed, path: path, items: 0))
            // What cannot be read now is not in the corpus: drop what was indexed from it.
            guard let stored else { return }
            try SpellingData.deleteDocuments(withTerm: IndexSchema.filePrefix + path, from: database, into: &spelling)
            try database.setMetadata(stored.key, "")
        case .unchanged:
            summary.unchanged += 1
            onEvent?(IndexEvent(kind: .unchanged, path: path, items: 0))
        case .failed(let reason):
            // A file that fails to parse leaves the index untouched.
            summary.failed += 1
            logger.warning("\(path): skipped: \(reason)")
            onEvent?(IndexEvent(kind: .failed, path: path, items: 0))
        case .ready(let content, let fingerprint, let documents, let added, let wholeMeeting):
            if let encoding = content.legacyEncoding {
                summary.warnings += 1
                logger.warning("\(path): not valid UTF-8, read as \(encoding)")
            }
            if wholeMeeting {
                summary.warnings += 1
                logger.warning("\(path): no agenda items recognised, indexed as one item for the whole meeting")
            }
            if mayHaveItems {
                try SpellingData.deleteDocuments(
                    withTerm: IndexSchema.filePrefix + path, from: database, into: &spelling)
            }
            for (id, document) in documents {
                try database.replaceDocument(uniqueTerm: IndexSchema.idPrefix + id, with: document)
            }
            spelling.add(added)
            try database.setMetadata(IndexState.key(for: path), IndexState.value(hash: fingerprint, path: path))
            let kind: IndexEvent.Kind = stored == nil && !indexedBefore ? .added : .updated
            if kind == .added { summary.added += 1 } else { summary.updated += 1 }
            summary.itemsWritten += documents.count
            onEvent?(IndexEvent(kind: kind, path: path, items: documents.count))
        }
    }

    /// Minutes without recognisable agenda items: one item, number 0, for the whole meeting,
    /// titled by the meeting's title line or else the file name.
    static func wholeMeeting(_ meeting: Meeting, text: String, path: String) -> AgendaItem {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        return AgendaItem(
            number: 0, title: meeting.title ?? name, firstLine: 1, lastLine: max(1, lines),
            sections: [Section(kind: .body, heading: nil, text: Normalizer.normalize(text))])
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

/// A value made on first use.
final class Lazy<Value>: @unchecked Sendable {
    // @unchecked: `made` is only read and written under `lock`; worker threads share it.
    private var made: Value?
    private let make: () throws -> Value
    private let lock = NSLock()

    init(_ make: @escaping () throws -> Value) {
        self.make = make
    }

    var value: Value {
        get throws {
            try lock.withLock {
                if let made { return made }
                let value = try make()
                made = value
                return value
            }
        }
    }
}
