import DocumentText
import Foundation
import Minutes
import Xapian

/// Reads, parses and tokenises the files of a batch on worker threads, into Xapian documents
/// ready to write. Each worker has its own `DocumentBuilder`: Xapian handles and the builders'
/// caches are not shared between threads. The documents are the same whatever the number of
/// workers.
struct BatchPreparer: Sendable {
    /// What reading and parsing one file gave, before anything is written.
    enum Prepared {
        case unreadable(CorpusProblem)
        case unchanged
        case failed(String)
        case ready(
            content: CorpusContent, fingerprint: String, documents: [(id: String, document: Document)],
            spelling: SpellingDelta, wholeMeeting: Bool)
    }

    /// One per worker thread, made on first use.
    let builders: [Lazy<DocumentBuilder>]
    /// The indexed files' fingerprints: a file whose fingerprint is unchanged is not parsed.
    let stored: [String: IndexState.Entry]
    /// Folder metadata by folder (`FolderMetadata.load`).
    let folders: [String: FolderMetadata]
    let maxFileSize: Int
    let reader: DocumentReader

    /// Prepares `batches` in order on a thread of their own, one batch ahead of the caller.
    func ahead(_ batches: [[CorpusFile]]) -> PreparedAhead<[Prepared]> {
        PreparedAhead(count: batches.count) { batch in try prepare(batches[batch]) }
    }

    /// Prepares `files` on up to `builders.count` threads, each a contiguous slice.
    func prepare(_ files: [CorpusFile]) throws -> [Prepared] {
        let batch = Outcomes(count: files.count)
        let workers = min(builders.count, files.count)
        let slice = (files.count + workers - 1) / max(1, workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in (worker * slice)..<min(files.count, (worker + 1) * slice) {
                do {
                    let outcome = try prepare(files[index], builder: builders[worker])
                    batch.lock.withLock { batch.outcomes[index] = outcome }
                } catch {
                    batch.lock.withLock { batch.error = batch.error ?? error }
                }
            }
        }
        if let error = batch.error { throw error }
        return batch.outcomes.map { $0! }
    }

    /// Collects one batch's outcomes from the worker threads. @unchecked: `outcomes` and
    /// `error` are only touched under `lock`; each Xapian handle inside is made by one worker
    /// and then used by the writer alone, never by two threads at once.
    private final class Outcomes: @unchecked Sendable {
        var outcomes: [Prepared?]
        var error: (any Error)?
        let lock = NSLock()

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }
    }

    func prepare(_ file: CorpusFile, builder lazyBuilder: Lazy<DocumentBuilder>) throws -> Prepared {
        let content: CorpusContent
        switch CorpusReader.read(file, maxFileSize: maxFileSize, reader: reader) {
        case .failure(let problem): return .unreadable(problem)
        case .success(let read): content = read
        }
        let folder = folders[FolderMetadata.parent(of: file.relativePath)]
        let fingerprint = FolderMetadata.fingerprint(contentHash: content.hash, metadata: folder)
        if let stored = stored[file.relativePath], stored.hash == fingerprint { return .unchanged }
        let builder = try lazyBuilder.value
        do {
            let parsed = MinutesParser.parse(content.text)
            let meeting = folder?.filling(parsed) ?? parsed
            let wholeMeeting = meeting.items.isEmpty
            let items =
                wholeMeeting
                ? [
                    MinutesParser.wholeMeetingItem(
                        of: meeting, text: content.text, fileName: (file.relativePath as NSString).lastPathComponent)
                ] : meeting.items
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
