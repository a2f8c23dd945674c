import Foundation
import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// The spelling data is counted in memory and written at checkpoints (`PendingSpelling`); it
/// must always end equal to the words of the indexed items, however the run went.
@Suite struct SpellingCheckpointTests {
    /// A corpus of `count` small minutes sharing most words, each with a word of its own.
    static func corpus(files count: Int) throws -> TestCorpus {
        let corpus = try TestCorpus(samples: false)
        for index in 0..<count {
            let minutes = """
                # Referat Klyngestyregruppe Nord

                Mødedato: \(index + 1). maj 2022

                ## 1. Status på \(word(index))

                Klyngen drøftede \(word(index)) og akutplanen.

                ## 2. Eventuelt

                Intet.
                """
            try corpus.write(String(format: "m%03d.txt", index), minutes)
        }
        return corpus
    }

    /// "kvarkb", "kvarkc", …: a letters-only word per number.
    static func word(_ number: Int) -> String {
        "kvark" + String(UnicodeScalar(UInt8(ascii: "b") + UInt8(number % 24)))
            + String(repeating: "a", count: number / 24)
    }

    /// The index's spelling data: word → frequency.
    static func spelling(_ path: String) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try Database(path: path).spellings().map { ($0.word, $0.frequency) })
    }

    /// The spelling data computed from scratch: each item's words, counted over every item.
    static func spellingFromItems(_ path: String) throws -> [String: Int] {
        let database = try Database(path: path)
        var counts: [String: Int] = [:]
        for docid in try database.documentIDs(withTerm: "") {
            for word in try SpellingData.words(of: try database.document(docid)) { counts[word, default: 0] += 1 }
        }
        return counts
    }

    static func pendingKeys(_ path: String) throws -> [String] {
        try Database(path: path).metadataKeys(prefix: PendingSpelling.keyPrefix)
    }

    static func options(checkpointFiles: Int) -> IndexOptions {
        var options = IndexOptions(batchSize: 2, workers: 2)
        options.spellingCheckpointFiles = checkpointFiles
        return options
    }

    @Test(arguments: [1, 3, 1_000])
    func incrementalEditsKeepTheSpellingDataExact(checkpointFiles: Int) throws {
        let corpus = try Self.corpus(files: 9)
        let options = Self.options(checkpointFiles: checkpointFiles)
        _ = try corpus.indexer(options).run()
        #expect(try Self.spelling(corpus.index) == Self.spellingFromItems(corpus.index))
        #expect(try Self.spelling(corpus.index)[Self.word(4)] == 1)

        try corpus.write("m004.txt", "# Referat Klyngestyregruppe Nord\n\n## 1. Budget\n\nKvarkmølle drøftet.\n")
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("m005.txt"))
        try corpus.write("new.md", smallMinutes)
        let summary = try corpus.indexer(options).run()
        #expect((summary.added, summary.updated, summary.removed) == (1, 1, 1))
        let spelling = try Self.spelling(corpus.index)
        #expect(spelling == (try Self.spellingFromItems(corpus.index)))
        #expect(spelling[Self.word(4)] == nil && spelling[Self.word(5)] == nil && spelling["kvarkmølle"] == 1)
        #expect(try Self.pendingKeys(corpus.index).isEmpty)

        // The same corpus indexed from scratch has the same spelling data.
        let fresh = TemporaryDirectory()
        _ = try Indexer(corpusRoot: corpus.root, databasePath: fresh.path("index"), options: options).run()
        #expect(try Self.spelling(fresh.path("index")) == spelling)
    }

    /// An update of a few files is one commit (one changeset for a replica): its batch's
    /// transaction also adds the spelling changes to the spelling data.
    @Test func aSmallUpdateIsOneCommit() throws {
        let corpus = try Self.corpus(files: 3)
        var options = Self.options(checkpointFiles: 1_000)
        options.batchSize = 50
        _ = try corpus.indexer(options).run()
        let before = try Database(path: corpus.index).revision
        try corpus.write("m001.txt", "# Referat Klyngestyregruppe Nord\n\n## 1. Budget\n\nKvarkmølle drøftet.\n")
        let summary = try corpus.indexer(options).run()
        #expect((summary.updated, summary.unchanged) == (1, 2))
        #expect(try Database(path: corpus.index).revision == before + 1)
        #expect(try Self.spelling(corpus.index) == Self.spellingFromItems(corpus.index))
        #expect(try Self.spelling(corpus.index)["kvarkmølle"] == 1)
        #expect(try Self.pendingKeys(corpus.index).isEmpty)
    }

    /// What `kill -9` leaves in the middle of a first build: the files of the committed batches
    /// in its shard, their spelling changes pending. One worker, one shard: the writer is paused
    /// inside a batch while the directory is copied, so the copy is the last commit.
    static func crashedCopy(of corpus: TestCorpus, afterFiles files: Int, into copy: String) throws {
        var options = Self.options(checkpointFiles: 1_000)
        options.workers = 1
        var indexer = corpus.indexer(options)
        indexer.onProgress = { progress in
            guard progress.done == files else { return }
            try? FileManager.default.copyItem(atPath: corpus.index, toPath: copy)
        }
        _ = try indexer.run()
    }

    @Test func aKilledRunsPendingSpellingIsAppliedByTheNextRun() throws {
        let corpus = try Self.corpus(files: 9)
        let crashed = corpus.directory.path("crashed")
        try Self.crashedCopy(of: corpus, afterFiles: 7, into: crashed)
        let shard = crashed + "/gen-000001.shards/0"
        #expect(try Database(path: shard).documentCount > 0)
        #expect(try Self.pendingKeys(shard).count == 3)
        #expect(try Self.spelling(shard).isEmpty)

        let summary = try Indexer(corpusRoot: corpus.root, databasePath: crashed).run()
        #expect((summary.added, summary.unchanged) == (3, 6))
        #expect(try Self.pendingKeys(crashed).isEmpty)
        #expect(try Self.spelling(crashed) == Self.spellingFromItems(crashed))
        #expect(try Self.spelling(crashed) == Self.spelling(corpus.index))
    }

    @Test func aPendingFileReplacedOrRemovedByTheNextRunLeavesExactSpelling() throws {
        let corpus = try Self.corpus(files: 9)
        let crashed = corpus.directory.path("crashed")
        try Self.crashedCopy(of: corpus, afterFiles: 7, into: crashed)
        #expect(try Self.pendingKeys(crashed + "/gen-000001.shards/0").count == 3)

        // m001 and m002 were in committed batches, their words still pending.
        try corpus.write("m001.txt", "# Referat Klyngestyregruppe Syd\n\n## 1. Status\n\nKvarkmølle drøftet.\n")
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("m002.txt"))
        let summary = try Indexer(corpusRoot: corpus.root, databasePath: crashed).run()
        #expect((summary.updated, summary.removed) == (1, 1))
        let spelling = try Self.spelling(crashed)
        #expect(spelling == (try Self.spellingFromItems(crashed)))
        #expect(spelling[Self.word(1)] == nil && spelling[Self.word(2)] == nil && spelling["kvarkmølle"] == 1)

        let fresh = TemporaryDirectory()
        _ = try Indexer(corpusRoot: corpus.root, databasePath: fresh.path("index")).run()
        #expect(try Self.spelling(fresh.path("index")) == spelling)
    }

    @Test func aDeltaSurvivesItsEncoding() throws {
        var delta = SpellingDelta()
        delta.add(["akutplan", "budget", "akutplan"])
        delta.subtract(["budget", "budget", "kvarkmølle"])
        #expect(delta.counts == ["akutplan": 2, "budget": -1, "kvarkmølle": -1])
        #expect(SpellingDelta(encoded: delta.encoded) == delta)
        #expect(SpellingDelta(encoded: "akutplan x\n") == nil)
    }
}
