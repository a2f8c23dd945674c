import Foundation
import Logging
import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// Collects log messages, to check that each bad file gets one warning naming it.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(collector: self) }
    }

    /// Called with each message as it is logged (on the logging thread).
    private let onMessage: @Sendable (String) -> Void

    init(onMessage: @escaping @Sendable (String) -> Void = { _ in }) {
        self.onMessage = onMessage
    }

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
        onMessage(line)
    }

    struct Handler: LogHandler {
        let collector: LogCollector
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            collector.append("\(event.message)")
        }
    }
}

/// A corpus in a temporary directory: the samples plus whatever a test writes.
struct TestCorpus {
    let directory = TemporaryDirectory()
    var root: URL { directory.url.appendingPathComponent("corpus") }
    var index: String { directory.path("index") }

    init(samples: Bool = true) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if samples {
            for name in try FileManager.default.contentsOfDirectory(atPath: Repository.corpus.path) {
                try FileManager.default.copyItem(
                    at: Repository.corpus.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
        }
    }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func sample(_ name: String) throws -> String {
        try String(contentsOf: Repository.corpus.appendingPathComponent(name), encoding: .utf8)
    }

    func indexer(_ options: IndexOptions = IndexOptions(), logs: LogCollector = LogCollector()) -> Indexer {
        Indexer(corpusRoot: root, databasePath: index, options: options, logger: logs.logger)
    }

    /// "file#number" of each hit (ids are the schema's business).
    func hits(_ query: String) throws -> [String] {
        try Searcher(databasePath: index).search(SearchRequest(query: query, limit: 100)).results.map {
            "\($0.file)#\($0.item.number)"
        }
    }
}

let smallMinutes = """
    # Referat Klyngestyregruppe Nord

    Mødedato: 6. maj 2022

    ## 1. Status på beskæftigelsesindsatsen

    Klyngen drøftede indsatsen.

    ## 2. Eventuelt

    Intet.
    """

@Suite struct IncrementalIndexingTests {
    @Test func anUnchangedRerunSkipsEveryFileAndWritesNothing() throws {
        let corpus = try TestCorpus()
        let first = try corpus.indexer().run()
        #expect((first.added, first.unchanged, first.failed, first.items) == (5, 0, 0, 44))
        let revision = try Database(path: corpus.index).revision
        let second = try corpus.indexer().run()
        #expect((second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, 5))
        #expect((second.items, second.itemsWritten) == (44, 0))
        #expect(try Database(path: corpus.index).revision == revision)
        #expect(second.line.contains("5 unchanged"))
    }

    @Test func anEditedFileIsReplacedAndADeletedOneRemoved() throws {
        let corpus = try TestCorpus()
        try corpus.write("nord/2022-05.md", smallMinutes)
        _ = try corpus.indexer().run()
        #expect(try corpus.hits("kvarkmølle").isEmpty)

        try corpus.write(
            "nord/2022-05.md", smallMinutes.replacingOccurrences(of: "Intet.", with: "Kvarkmølle drøftet."))
        let edited = try corpus.indexer().run()
        #expect((edited.updated, edited.unchanged, edited.itemsWritten, edited.items) == (1, 5, 2, 46))
        let found = try corpus.hits("kvarkmølle")
        #expect(found == ["nord/2022-05.md#2"], "\(found)")

        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("nord/2022-05.md"))
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("000_9285af0b1d2d00d2.txt"))
        let removed = try corpus.indexer().run()
        #expect((removed.removed, removed.unchanged, removed.items) == (2, 4, 44 - 6))
        #expect(try corpus.hits("kvarkmølle").isEmpty)
        #expect(try corpus.hits("mobil blodprøvetagning").allSatisfy { !$0.hasPrefix("000_9285af0b1d2d00d2.txt") })
        #expect(try IndexState.files(in: Database(path: corpus.index)).count == 4)
    }

    @Test func editingTheSynonymsReindexesEveryFile() throws {
        let corpus = try TestCorpus()
        _ = try corpus.indexer().run()
        let synonyms = try corpus.sample("synonymer.txt") + "\nkvarkmølle = blodprøvetagning\n"
        try corpus.write("synonymer.txt", synonyms)
        let again = try corpus.indexer().run()
        #expect((again.added, again.updated, again.unchanged, again.items) == (0, 5, 0, 44))
        #expect(try !corpus.hits("kvarkmølle").isEmpty)
    }

    @Test func badInputIsSkippedWithOneWarningEachAndTheRestIndexed() throws {
        let corpus = try TestCorpus()
        let sample = try corpus.sample("000_9285af0b1d2d00d2.txt")
        try corpus.write(
            "legacy/latin1.txt", try #require(sample.data(using: .windowsCP1252, allowLossyConversion: true)))
        try corpus.write(
            "crlf.txt", Data([0xEF, 0xBB, 0xBF]) + Data(sample.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try corpus.write("binary.txt", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41]))
        try corpus.write("empty.md", "")
        try corpus.write("blank.md", "  \n\n ")
        try corpus.write("big.txt", String(repeating: "ord ", count: 8_000))
        try corpus.write("prose.txt", "Et notat uden dagsordenspunkter om kvarkmøller og andet.\n")
        try corpus.write("image.png", Data([0, 1, 2]))  // not minutes: ignored silently
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: corpus.root.appendingPathComponent("loop.txt").path, withDestinationPath: "loop.txt")
        try fm.createSymbolicLink(
            atPath: corpus.root.appendingPathComponent("gone.md").path, withDestinationPath: "nowhere.md")
        try fm.createSymbolicLink(
            atPath: corpus.root.appendingPathComponent("legacy/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(
            atPath: corpus.root.appendingPathComponent("linked.txt").path, withDestinationPath: "prose.txt")

        let logs = LogCollector()
        let summary = try corpus.indexer(IndexOptions(maxFileSize: 25_000), logs: logs).run()
        let bad = ["binary.txt", "empty.md", "blank.md", "big.txt", "loop.txt", "gone.md", "legacy/up"]
        #expect(summary.failed == bad.count, "\(logs.messages)")
        for name in bad {
            #expect(logs.messages.filter { $0.hasPrefix(name + ": skipped") }.count == 1, "\(name): \(logs.messages)")
        }
        #expect(logs.messages.filter { $0.hasPrefix("legacy/latin1.txt: not valid UTF-8") }.count == 1)
        #expect(logs.messages.filter { $0.hasPrefix("prose.txt: no agenda items") }.count == 1)
        #expect(logs.messages.filter { $0.hasPrefix("crlf.txt") }.isEmpty, "BOM and CRLF are silent")
        #expect(logs.messages.count == bad.count + 3, "\(logs.messages)")  // + latin1, prose, linked prose
        #expect((summary.added, summary.warnings) == (9, 3))

        // The Latin-1 and the CRLF copies parse like the original.
        let hits = try corpus.hits("mobil blodprøvetagning")
        #expect(
            hits.contains("legacy/latin1.txt#5") && hits.contains("crlf.txt#5")
                && hits.contains("000_9285af0b1d2d00d2.txt#5"))
        // A file without agenda items is one item, number 0, titled by the meeting's title or the file name.
        let whole = try #require(
            try Searcher(databasePath: corpus.index).item(id: IndexSchema.itemID(file: "prose.txt", number: 0)))
        #expect(whole.number == 0 && whole.text.contains("kvarkmøller"), "\(whole)")
        #expect(Set(try corpus.hits("kvarkmøller")) == ["prose.txt#0", "linked.txt#0"])
    }

    @Test func aFileThatTurnsBadLosesItsItems() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        _ = try corpus.indexer().run()
        try corpus.write("a.md", Data([0, 0, 0]))
        let summary = try corpus.indexer().run()
        #expect((summary.failed, summary.items) == (1, 0))
        #expect(try IndexState.files(in: Database(path: corpus.index)).isEmpty)
    }

    @Test func aSecondWriterIsToldTheIndexIsLocked() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        _ = try corpus.indexer().run()
        do {
            let held = try IndexLocation(path: corpus.index).lock(wait: false)
            #expect(throws: ReferatError.indexLocked(path: corpus.index)) { try corpus.indexer().run() }
            withExtendedLifetime(held) {}
        }
        do {
            // Another program holding Xapian's own lock gets the same answer.
            let writer = try WritableDatabase(path: corpus.index)
            #expect(throws: ReferatError.indexLocked(path: corpus.index)) { try corpus.indexer().run() }
            try writer.close()
        }
        #expect(try corpus.indexer().run().unchanged == 1)
    }

    @Test func waitingForTheLockIndexesAfterTheOtherWriter() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        var held: IndexLock? = try IndexLocation(path: corpus.index).lock(wait: false)
        let root = corpus.root
        let index = corpus.index
        let waiting = DispatchSemaphore(value: 0)
        let log = LogCollector { if $0.contains("waiting for another `referat index`") { waiting.signal() } }
        let result = ResultBox()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            var indexer = Indexer(corpusRoot: root, databasePath: index, options: IndexOptions(waitForLock: true))
            indexer.logger = log.logger
            result.set(Result { try indexer.run() })
            finished.signal()
        }
        thread.start()
        // The indexer says it waits, then blocks in flock until the lock is released.
        #expect(waiting.wait(timeout: .now() + 60) == .success, "the indexer says it is waiting")
        #expect(result.get() == nil, "waits while the lock is held")
        held = nil
        _ = held
        #expect(finished.wait(timeout: .now() + 60) == .success)
        let summary = try #require(try result.get()?.get())
        #expect(summary.added == 1)
    }

    @Test func theStubLayoutOpensForReadingAndWriting() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        _ = try corpus.indexer().run()
        // The first build is written to gen-000001 and compacted into gen-000002.
        #expect(IndexLocation(path: corpus.index).layout == .generation("gen-000002"))
        #expect(IndexLocation(path: corpus.index).generations().map(\.name) == ["gen-000002"])
        #expect(IndexLocation.generation(at: corpus.index) == "gen-000002")
        #expect(try Database(path: corpus.index).documentCount == 2)
        let writer = try WritableDatabase(path: corpus.index)
        try writer.setMetadata("probe", "1")
        try writer.commit()
        try writer.close()
        #expect(try Database(path: corpus.index + "/gen-000002").metadata("probe") == "1")
    }

    @Test func rebuildSwapsInAFreshGenerationAndKeepsThePreviousForReaders() throws {
        let corpus = try TestCorpus()
        _ = try corpus.indexer().run()
        let oldReader = try Searcher(databasePath: corpus.index)
        #expect(try oldReader.status().documents == 44)

        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("000_9285af0b1d2d00d2.txt"))
        let rebuilt = try corpus.indexer(IndexOptions(rebuild: true)).run()
        #expect(rebuilt.rebuilt && rebuilt.added == 4 && rebuilt.items < 44)
        // Built as gen-000003, compacted into gen-000004.
        let location = IndexLocation(path: corpus.index)
        #expect(location.layout == .generation("gen-000004"))
        #expect(location.generations().map(\.name) == ["gen-000002", "gen-000004"])
        #expect(try Searcher(databasePath: corpus.index).status().documents == rebuilt.items)
        // A reader opened before the swap still answers (from the previous generation).
        #expect(try oldReader.search(SearchRequest(query: "IPS")).totalEstimate > 0)

        _ = try corpus.indexer(IndexOptions(rebuild: true)).run()
        #expect(location.generations().map(\.name) == ["gen-000004", "gen-000006"])
        #expect(try corpus.indexer().run().unchanged == 4)
    }

    @Test func aPlainIndexIsUpdatedInPlaceAndRebuiltIntoGenerations() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        try FileManager.default.createDirectory(atPath: corpus.index, withIntermediateDirectories: true)
        try WritableDatabase(path: corpus.index).close()  // an index from before generations
        #expect(IndexLocation(path: corpus.index).layout == .plain)
        #expect(try corpus.indexer().run().added == 1)
        #expect(IndexLocation(path: corpus.index).layout == .plain)
        #expect(try corpus.indexer().run().unchanged == 1)

        let rebuilt = try corpus.indexer(IndexOptions(rebuild: true)).run()
        #expect(rebuilt.items == 2)
        #expect(IndexLocation(path: corpus.index).layout == .generation("gen-000002"))
        #expect(!FileManager.default.fileExists(atPath: corpus.index + "/postlist.glass"))
        #expect(try corpus.hits("beskæftigelsesindsatsen") == ["a.md#1"])
    }

    @Test func anUnfinishedRebuildIsDiscardedByTheNextRun() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        _ = try corpus.indexer().run()
        // What a rebuild killed before its swap leaves behind: its shards, or a half-made merge.
        try FileManager.default.createDirectory(
            atPath: corpus.index + "/gen-000003.shards", withIntermediateDirectories: true)
        try WritableDatabase(path: corpus.index + "/gen-000003.shards/0").close()
        try WritableDatabase(path: corpus.index + "/gen-000004").close()
        #expect(try corpus.indexer().run().unchanged == 1)
        #expect(IndexLocation(path: corpus.index).generations().map(\.name) == ["gen-000002"])
        #expect(!FileManager.default.fileExists(atPath: corpus.index + "/gen-000003.shards"))
    }

    /// Compaction changes how the B-trees are packed, nothing else: a first build (compacted)
    /// reads the same as the same corpus indexed in two runs (not compacted).
    @Test func aCompactedFullBuildReadsTheSameAsAnIncrementalOne() throws {
        let corpus = try TestCorpus()
        let late = "000_9285af0b1d2d00d2.txt"
        let text = try corpus.sample(late)
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent(late))
        _ = try corpus.indexer().run()
        try corpus.write(late, text)
        #expect(try corpus.indexer().run().added == 1)
        let full = TemporaryDirectory()
        _ = try Indexer(corpusRoot: corpus.root, databasePath: full.path("index")).run()
        #expect(IndexLocation(path: full.path("index")).generations().map(\.name) == ["gen-000002"])

        let incremental = try Database(path: corpus.index)
        let compacted = try Database(path: full.path("index"))
        #expect(try compacted.documentCount == incremental.documentCount)
        #expect(try compacted.terms(prefix: "").map(\.term) == incremental.terms(prefix: "").map(\.term))
        #expect(
            try compacted.spellings().map { "\($0.word) \($0.frequency)" }
                == incremental.spellings().map { "\($0.word) \($0.frequency)" })
        #expect(try IndexState.files(in: compacted) == IndexState.files(in: incremental))
        #expect(
            try Searcher(databasePath: full.path("index")).statistics()
                == Searcher(databasePath: corpus.index).statistics())
    }

    @Test func searchersKeepAnsweringWhileTheIndexIsRewritten() throws {
        let corpus = try TestCorpus()
        _ = try corpus.indexer().run()
        let index = corpus.index
        let stop = ResultBox()
        let failures = LogCollector()
        let searches = Counter()
        let readerDone = DispatchSemaphore(value: 0)
        let reader = Thread {
            defer { readerDone.signal() }
            do {
                let longLived = try Searcher(databasePath: index)
                while stop.get() == nil {
                    for searcher in [longLived, try Searcher(databasePath: index)] {
                        _ = try searcher.search(SearchRequest(query: "IPS klynge*", limit: 20))
                        _ = try searcher.status()
                        searches.increment()
                    }
                }
            } catch {
                failures.append("\(error)")
            }
            stop.set(.success(IndexSummary()))
        }
        reader.start()
        let sample = try corpus.sample("001_b7c9c314a7c852bc.txt")
        for round in 0..<4 {
            try corpus.write("001_b7c9c314a7c852bc.txt", sample + "\nRunde \(round).\n")
            try corpus.write("extra-\(round).md", smallMinutes)
            _ = try corpus.indexer(IndexOptions(batchSize: 1)).run()
        }
        _ = try corpus.indexer(IndexOptions(rebuild: true, batchSize: 1)).run()
        stop.set(.success(IndexSummary()))
        #expect(readerDone.wait(timeout: .now() + 60) == .success)
        #expect(failures.messages.isEmpty, "\(failures.messages)")
        #expect(searches.value > 0)
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(Data().sha256Hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Data("abc".utf8).sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Data(String(repeating: "a", count: 1_000).utf8).sha256Hex
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<IndexSummary, any Error>?

    func set(_ value: Result<IndexSummary, any Error>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() -> Result<IndexSummary, any Error>? {
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

@Suite struct IndexCommandTests {
    @Test func badFilesExitWithPartialFailureAndOneWarningEach() throws {
        let corpus = try TestCorpus()
        let sample = try corpus.sample("002_76e1cc869024a7c4.txt")
        try corpus.write("latin1.txt", try #require(sample.data(using: .windowsCP1252, allowLossyConversion: true)))
        try corpus.write("binary.md", Data([1, 0, 2]))
        try corpus.write("empty.txt", "")
        try FileManager.default.createSymbolicLink(
            atPath: corpus.root.appendingPathComponent("loop").path, withDestinationPath: "loop")

        let first = try ReferatBinary.run(["index", corpus.root.path, "--db", corpus.index])
        #expect(first.status == 2)
        #expect(
            first.stdout.hasPrefix("6 files: 6 added, 0 updated, 0 removed, 0 unchanged, 3 failed;"), "\(first.stdout)")
        let warnings = first.stderr.split(separator: "\n")
        #expect(warnings.count == 4, "\(first.stderr)")
        for name in [
            "latin1.txt: not valid UTF-8", "binary.md: skipped", "empty.txt: skipped", "loop: skipped: symlink loop",
        ] {
            #expect(warnings.filter { $0.contains(name) }.count == 1, "\(name): \(first.stderr)")
        }
        #expect(!first.stderr.contains("\r"), "no progress bar when piped")

        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("binary.md"))
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("empty.txt"))
        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("loop"))
        let second = try ReferatBinary.run(["index", corpus.root.path, "--db", corpus.index, "--verbose"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("6 unchanged, 0 failed"), "\(second.stdout)")
        #expect(
            second.stderr.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count == 6, "\(second.stderr)")
        let quiet = try ReferatBinary.run(["index", corpus.root.path, "--db", corpus.index, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test func aLockedIndexExitsWith75AndOneLine() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.md", smallMinutes)
        let held = try IndexLocation(path: corpus.index).lock(wait: false)
        let result = try ReferatBinary.run(["index", corpus.root.path, "--db", corpus.index])
        withExtendedLifetime(held) {}
        #expect(result.status == 75)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("is being updated by another process"), "\(result.stderr)")
    }
}
