import Foundation
import Logging

/// What a run reports, from whichever thread writes: the summary, the warnings, one event per
/// file and the progress. @unchecked Sendable: every member is touched under `lock`, and the
/// callbacks are called under it, one at a time.
final class RunReport: @unchecked Sendable {
    private let lock = NSLock()
    private var summary = IndexSummary()
    private var progress: IndexProgress
    private let logger: Logger
    private let onProgress: ((IndexProgress) -> Void)?
    private let onEvent: ((IndexEvent) -> Void)?

    init(
        files: Int, started: Date, logger: Logger, onProgress: ((IndexProgress) -> Void)?,
        onEvent: ((IndexEvent) -> Void)?
    ) {
        progress = IndexProgress(done: 0, total: files, started: started)
        self.logger = logger
        self.onProgress = onProgress
        self.onEvent = onEvent
    }

    /// The counts so far.
    var counts: IndexSummary { lock.withLock { summary } }

    /// A path the scan could not use: failed, with its warning; not among the files in progress.
    func skipped(_ problem: CorpusProblem) {
        lock.withLock {
            summary.failed += 1
            logger.warning("\(problem)")
            onEvent?(IndexEvent(kind: .failed, path: problem.relativePath, items: 0))
        }
    }

    /// A warning about something indexed anyway.
    func warning(_ message: String) {
        lock.withLock {
            summary.warnings += 1
            logger.warning("\(message)")
        }
    }

    /// A converter that is not installed: an error once a run.
    func converterMissing(_ tool: String, error: String) {
        lock.withLock {
            if summary.missingConverters.insert(tool).inserted { logger.error("\(error)") }
        }
    }

    /// Files to be removed, on top of the files to index.
    func expectRemovals(_ count: Int) {
        lock.withLock { progress.total += count }
    }

    /// One file done: counted by `kind` (with the `items` it wrote), logged with `warning`
    /// first when there is one, reported as an event and as progress.
    func done(_ kind: IndexEvent.Kind, _ path: String, items: Int = 0, warning: String? = nil) {
        lock.withLock {
            if let warning { logger.warning("\(warning)") }
            switch kind {
            case .added: summary.added += 1
            case .updated: summary.updated += 1
            case .removed: summary.removed += 1
            case .unchanged: summary.unchanged += 1
            case .failed: summary.failed += 1
            }
            summary.itemsWritten += items
            onEvent?(IndexEvent(kind: kind, path: path, items: items))
            progress.done += 1
            onProgress?(progress)
        }
    }
}
