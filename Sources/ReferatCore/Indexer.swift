import DocumentText
import Foundation
import Logging
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
    /// Threads that read and tokenise files; in a full build, each also writes a shard of its
    /// own. The index is the same whatever the number.
    public var workers = IndexOptions.defaultWorkers
    /// Only the files under this top-level folder of the corpus, their paths still relative to
    /// the corpus root: one shard of a `ShardedIndex`.
    public var group: String?
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
/// An update's batches are prepared (read, parsed, tokenised) on worker threads one batch ahead
/// of the writer, and written in file order on the calling thread. A full build writes one shard
/// per worker thread, in parallel, and merges them (`WriteTarget`).
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

    /// Scans the corpus, takes the writer lock and chooses what to write (`WriteTarget`). An
    /// update brings the index up to date in place, its batches prepared ahead on worker threads
    /// (`BatchPreparer`); a full build fills one shard per worker, each on a thread of its own,
    /// and merges them into the next generation, which the stub is swapped to.
    public func run() throws -> IndexSummary {
        let start = Date()
        if options.group == nil, ShardedIndex.isSharded(databasePath) {
            throw ReferatError.badParameter(
                name: "db", reason: "\(databasePath) holds shards: index each with --shard NAME")
        }
        let (files, problems) = try scan()
        let location = IndexLocation(path: databasePath)
        let lock = try location.lock(wait: options.waitForLock) {
            logger.notice("waiting for another `referat index` to finish updating \(databasePath)")
        }
        defer { withExtendedLifetime(lock) {} }

        let target = try WriteTarget.choose(in: location, rebuild: options.rebuild, writers: options.workers) { path in
            try openWriter(at: path, mode: .createOrOverwrite).close()
        }
        let report = RunReport(
            files: files.count, started: start, logger: logger, onProgress: onProgress, onEvent: onEvent)
        let folders = folderMetadata(for: files, report: report)
        problems.forEach(report.skipped)
        let builders = documentBuilders(count: max(options.workers, target.shards.count))

        var items = 0
        if target.shards.isEmpty {
            let database = try openWriter(at: target.path, mode: .createOrOpen)
            items = try update(
                database, with: files, builders: builders, folders: folders, prepareAhead: true, report: report)
        } else {
            items = try fill(target.shards, with: files, builders: builders, folders: folders, report: report)
            try target.merge()
        }
        var summary = report.counts
        summary.items = items
        summary.rebuilt = options.rebuild
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// The corpus's files and problems, or only those of `options.group`'s folder.
    private func scan() throws -> (files: [CorpusFile], problems: [CorpusProblem]) {
        let (files, problems) = try corpus.scan()
        guard let group = options.group else { return (files, problems) }
        let folder = corpus.root.appendingPathComponent(group)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ReferatError.corpusMissing(path: folder.path) }
        let inGroup = { (path: String) in path.hasPrefix(group + "/") }
        return (files.filter { inGroup($0.relativePath) }, problems.filter { inGroup($0.relativePath) })
    }

    /// A full build's writing: the files, in path order, split into one contiguous run per shard,
    /// each prepared and written into its shard by a thread of its own. Merged in shard order,
    /// the items get the document ids a one-writer build gives them. Returns the items written.
    private func fill(
        _ shards: [String], with files: [CorpusFile], builders: [Lazy<DocumentBuilder>],
        folders: [String: FolderMetadata], report: RunReport
    ) throws -> Int {
        let results = ShardResults(count: shards.count)
        // The threads share only the settings, which nothing changes during the run; the
        // callbacks are reached through `report`, under its lock.
        nonisolated(unsafe) let indexer = self
        DispatchQueue.concurrentPerform(iterations: shards.count) { shard in
            let run = Array(files[(files.count * shard / shards.count)..<(files.count * (shard + 1) / shards.count)])
            do {
                let database = try indexer.openWriter(at: shards[shard], mode: .createOrOpen)
                let items = try indexer.update(
                    database, with: run, builders: [builders[shard]], folders: folders, prepareAhead: false,
                    report: report)
                try database.close()
                results.lock.withLock { results.items[shard] = items }
            } catch {
                results.lock.withLock { results.error = results.error ?? error }
            }
        }
        if let error = results.error { throw error }
        return results.items.reduce(0, +)
    }

    /// What the shard threads give back. @unchecked: touched only under `lock`.
    private final class ShardResults: @unchecked Sendable {
        var items: [Int]
        var error: (any Error)?
        let lock = NSLock()

        init(count: Int) { items = Array(repeating: 0, count: count) }
    }

    /// Brings `database` up to date with `files` (and nothing else) and returns its item count:
    /// applies the spelling changes a killed run left pending, re-indexes every file when the
    /// fingerprint changed, writes the files in batches and removes the files not among them.
    /// With `prepareAhead`, each batch is prepared one ahead on a thread per builder; else here,
    /// by the one builder.
    private func update(
        _ database: WritableDatabase, with files: [CorpusFile], builders: [Lazy<DocumentBuilder>],
        folders: [String: FolderMetadata], prepareAhead: Bool, report: RunReport
    ) throws -> Int {
        try PendingSpelling.recover(in: database, indexPath: databasePath)
        // Nothing to delete for any file: skips a lookup per file in a first build or rebuild.
        let startedEmpty = try database.documentCount == 0
        let (stored, indexedBefore) = try indexedFiles(in: database, builder: builders[0])

        let present = Set(files.map(\.relativePath))
        let vanished = stored.filter { !present.contains($0.key) }.sorted { $0.key < $1.key }
        report.expectRemovals(vanished.count)
        var spelling = PendingSpelling(checkpointFiles: options.spellingCheckpointFiles)
        let preparer = BatchPreparer(
            builders: builders, stored: stored, folders: folders, maxFileSize: options.maxFileSize,
            reader: options.reader)
        try write(
            files, preparedBy: preparer, ahead: prepareAhead, indexedBefore: indexedBefore,
            mayHaveItems: !startedEmpty, endsRun: vanished.isEmpty, into: database, spelling: &spelling,
            report: report)
        try remove(vanished, from: database, spelling: &spelling, report: report)
        return try database.documentCount
    }

    /// The folder metadata of the files' folders; each malformed `referat.json` is a warning.
    private func folderMetadata(for files: [CorpusFile], report: RunReport) -> [String: FolderMetadata] {
        var problems: [FolderMetadataError] = []
        let folders = FolderMetadata.load(for: files, root: corpus.root, problems: &problems)
        for problem in problems { report.warning("\(problem)") }
        return folders
    }

    /// Document builders, one per thread, made on first use, sharing one synonym list:
    /// loading the synonyms and the tokenizer's word list is most of an unchanged run's cost.
    private func documentBuilders(count: Int) -> [Lazy<DocumentBuilder>] {
        let synonyms = Lazy<Synonyms> { [corpus, logger] in
            var problems: [String] = []
            let synonyms = Synonyms.load(fromCorpus: corpus.root, problems: &problems)
            for problem in problems { logger.warning("\(problem)") }
            return synonyms
        }
        return (0..<count).map { _ in
            Lazy<DocumentBuilder> { DocumentBuilder(terms: try TermIndexer(), synonyms: try synonyms.value) }
        }
    }

    /// The files indexed with the current fingerprint (schema and synonyms), and the files that
    /// were indexed under an older one. A new fingerprint re-indexes every file: their hashes are
    /// forgotten (not their items: each file's are replaced when it is indexed) in one commit
    /// with the new fingerprint and synonym table.
    private func indexedFiles(
        in database: WritableDatabase, builder: Lazy<DocumentBuilder>
    ) throws -> (stored: [String: IndexState.Entry], indexedBefore: Set<String>) {
        let stored = try IndexState.files(in: database)
        let fingerprint = IndexState.fingerprint(synonymsFile: corpus.root.appendingPathComponent(Synonyms.fileName))
        guard try database.metadata(IndexState.fingerprintKey) != fingerprint else { return (stored, []) }
        try database.transaction {
            for entry in stored.values { try database.setMetadata(entry.key, "") }
            let builder = try builder.value
            try storeSynonyms(builder.synonyms, in: database, stem: builder.terms.stem)
            try database.setMetadata(IndexState.fingerprintKey, fingerprint)
        }
        return ([:], Set(stored.keys))
    }

    /// Writes `files` in batches of `options.batchSize`, each batch one transaction, prepared
    /// one batch ahead on other threads or else here; spelling changes are recorded per batch
    /// and checkpointed when due, and when the last batch `endsRun`, added to the spelling data
    /// in its transaction.
    private func write(
        _ files: [CorpusFile], preparedBy preparer: BatchPreparer, ahead: Bool, indexedBefore: Set<String>,
        mayHaveItems: Bool, endsRun: Bool, into database: WritableDatabase, spelling: inout PendingSpelling,
        report: RunReport
    ) throws {
        let batchSize = max(1, options.batchSize)
        let batches = stride(from: 0, to: files.count, by: batchSize).map {
            Array(files[$0..<min(files.count, $0 + batchSize)])
        }
        let lookahead = ahead ? preparer.ahead(batches) : nil
        defer { lookahead?.stop() }
        for (number, batch) in batches.enumerated() {
            let outcomes: [BatchPreparer.Prepared]
            if let lookahead {
                guard let next = try lookahead.next() else { break }
                outcomes = next
            } else {
                outcomes = try preparer.prepare(batch)
            }
            try database.transaction {
                var delta = SpellingDelta()
                for (file, outcome) in zip(batch, outcomes) {
                    try write(
                        file, outcome, stored: preparer.stored[file.relativePath],
                        indexedBefore: indexedBefore.contains(file.relativePath), mayHaveItems: mayHaveItems,
                        into: database, spelling: &delta, report: report)
                }
                try spelling.record(
                    delta, files: batch.count, last: endsRun && number == batches.count - 1, in: database)
            }
            if spelling.isDue { try spelling.checkpoint(database) }
        }
    }

    /// Deletes the items and hashes of files gone from the corpus, in one transaction: the run's
    /// last, which adds the pending spelling changes to the spelling data.
    private func remove(
        _ vanished: [(key: String, value: IndexState.Entry)], from database: WritableDatabase,
        spelling: inout PendingSpelling, report: RunReport
    ) throws {
        guard !vanished.isEmpty else { return }
        try database.transaction {
            var delta = SpellingDelta()
            for (path, entry) in vanished {
                try SpellingData.deleteDocuments(withTerm: IndexSchema.filePrefix + path, from: database, into: &delta)
                try database.setMetadata(entry.key, "")
                report.done(.removed, path)
            }
            try spelling.record(delta, files: vanished.count, last: true, in: database)
        }
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

    /// Brings one file's items up to date inside the current transaction, from what
    /// `prepare` made of it, and counts the spelling changes in `spelling`; warnings and events
    /// come out here, in file order (within a shard). `mayHaveItems` is false when the database
    /// started the run empty: no file has items to replace.
    private func write(
        _ file: CorpusFile, _ prepared: BatchPreparer.Prepared, stored: IndexState.Entry?, indexedBefore: Bool,
        mayHaveItems: Bool, into database: WritableDatabase, spelling: inout SpellingDelta, report: RunReport
    ) throws {
        let path = file.relativePath
        switch prepared {
        case .unreadable(let problem):
            if case .converterMissing(let tool, _) = problem.cause {
                // The file may be fine: said once a run, and its items stay.
                report.converterMissing(tool, error: "\(problem.cause!)")
                report.done(.failed, path)
                return
            }
            report.done(.failed, path, warning: "\(problem)")
            // What cannot be read now is not in the corpus: drop what was indexed from it.
            guard let stored else { return }
            try SpellingData.deleteDocuments(withTerm: IndexSchema.filePrefix + path, from: database, into: &spelling)
            try database.setMetadata(stored.key, "")
        case .unchanged:
            report.done(.unchanged, path)
        case .failed(let reason):
            // A file that fails to parse leaves the index untouched.
            report.done(.failed, path, warning: "\(path): skipped: \(reason)")
        case .ready(let content, let fingerprint, let documents, let added, let wholeMeeting):
            if let encoding = content.legacyEncoding {
                report.warning("\(path): not valid UTF-8, read as \(encoding)")
            }
            if wholeMeeting {
                report.warning("\(path): no agenda items recognised, indexed as one item for the whole meeting")
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
            report.done(stored == nil && !indexedBefore ? .added : .updated, path, items: documents.count)
        }
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
