import ArgumentParser
import DocumentText
import Foundation
import Logging
import ReferatCore

#if canImport(Glibc)
    import Glibc
#endif

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract:
            "Index the minutes under CORPUS (*.txt, *.md, *.pdf, *.docx, *.html, *.htm), one Xapian document per agenda item.",
        discussion: """
            Incremental: files whose bytes are already indexed are skipped, changed files are \
            re-indexed, vanished files removed. Exit status: 0 every file indexed; 2 some files \
            skipped (each named in a warning), the rest indexed; 75 another `referat index` is \
            updating the index (use --wait); 1 any other error.
            """
    )

    /// Exit status when some files were skipped and the rest indexed.
    static let partialFailure: Int32 = 2
    /// Exit status when another writer holds the index (EX_TEMPFAIL: try again later).
    static let locked: Int32 = 75

    @Argument(help: "The corpus directory.")
    var corpus: String = "corpus"

    @OptionGroup var database: DatabaseOptions

    @Option(
        help: """
            Index only the corpus's top-level folder NAME, as shard NAME of a sharded index: into \
            DB/shards/NAME, then rewrite DB/lexicon (every shard's spelling data and synonyms) and \
            the stub DB/XAPIANDB of the local shards.
            """)
    var shard: String?

    @Flag(help: "Build a fresh index beside the current one and swap it in when complete.")
    var rebuild = false

    @Flag(help: "Wait for another indexer to finish instead of failing at once.")
    var wait = false

    @Option(
        name: .customLong("max-file-size"),
        help: "Skip files larger than this (bytes, or with a k, M or G suffix).",
        transform: IndexCommand.parseSize)
    var maxFileSize: Int = CorpusReader.defaultMaxFileSize

    @Option(
        name: .customLong("pdf-time-limit"),
        help: "Seconds pdftohtml may take for one PDF before it is stopped and the file skipped.")
    var pdfTimeLimit: Double = PDFReader.defaultTimeLimit

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Files per commit.", visibility: .hidden))
    var batchSize: Int = 50

    @Option(help: "Threads that read and tokenise files; a full build writes a shard on each (default: a core each).")
    var workers: Int = IndexOptions.defaultWorkers

    @Flag(name: .shortAndLong, help: "No progress bar and no summary line; warnings and errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "One line per file on standard error: added, updated, removed, unchanged, failed.")
    var verbose = false

    static func parseSize(_ text: String) throws -> Int {
        let units: [Character: Int] = [
            "k": 1 << 10, "K": 1 << 10, "m": 1 << 20, "M": 1 << 20, "g": 1 << 30, "G": 1 << 30,
        ]
        var digits = Substring(text)
        var unit = 1
        if let last = digits.last, let factor = units[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard let number = Int(digits), number > 0 else {
            throw ValidationError("--max-file-size: expected a positive size like 10M, not \(text)")
        }
        return number * unit
    }

    func validate() throws {
        guard pdfTimeLimit > 0 else { throw ValidationError("--pdf-time-limit must be a positive number of seconds") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard workers > 0 else { throw ValidationError("--workers must be positive") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose exclude each other") }
        if let shard {
            do {
                try ShardedIndex.validate(shardName: shard)
            } catch let error as ReferatError {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        let status = StatusLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        var options = IndexOptions(
            rebuild: rebuild, waitForLock: wait, maxFileSize: maxFileSize, batchSize: batchSize, workers: workers)
        options.reader.pdf.timeLimit = pdfTimeLimit
        options.group = shard
        let sharded = ShardedIndex(root: database.db)
        if shard != nil, !ShardedIndex.isSharded(database.db), IndexLocation(path: database.db).layout != .missing {
            throw ValidationError("\(database.db) holds one whole index, not shards: use another --db for shards")
        }
        var indexer = Indexer(
            corpusRoot: URL(fileURLWithPath: corpus), databasePath: shard.map(sharded.shardPath) ?? database.db,
            options: options,
            logger: Logger(label: "referat.index") { _ in StatusLogHandler(status: status) })
        if status.enabled {
            indexer.onProgress = { status.progress($0) }
        }
        if verbose {
            indexer.onEvent = { event in
                status.print(
                    event.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + event.path
                        + (event.items > 0 ? " (\(event.items) items)" : ""))
            }
        }
        let summary: IndexSummary
        do {
            summary = try indexer.run()
        } catch let error as ReferatError {
            status.clear()
            if case .indexLocked = error {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode(Self.locked)
            }
            throw error
        }
        if shard != nil { try sharded.refresh() }
        status.clear()
        if !quiet { print(summary.line) }
        if summary.failed > 0 { throw ExitCode(Self.partialFailure) }
    }
}

/// The last line of a terminal's standard error, used for a progress bar; messages are printed
/// above it. Disabled (prints messages only) when standard error is not a terminal.
final class StatusLine: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func progress(_ progress: IndexProgress) {
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard progress.done == progress.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(progress.started), 0.001)
        let rate = Double(progress.done) / elapsed
        let fraction = progress.total == 0 ? 1 : Double(progress.done) / Double(progress.total)
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let left = rate > 0 ? Double(progress.total - progress.done) / rate : 0
        let text =
            "[\(bar)] \(progress.done)/\(progress.total) files  \(String(format: "%.0f", rate)) files/s  "
            + "\(Self.clock(left)) left"
        write("\r\u{1B}[K" + text)
        shown = true
    }

    /// One message line, above the progress bar.
    func print(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        write((shown ? "\r\u{1B}[K" : "") + line + "\n")
        shown = false
        lastDraw = .distantPast
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}

/// Log lines ("warning: file.txt: skipped: empty file") through the status line, so they never
/// tear the progress bar.
struct StatusLogHandler: LogHandler {
    let status: StatusLine
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        status.print("\(event.level): \(event.message)")
    }
}
