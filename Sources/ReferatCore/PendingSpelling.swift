import Foundation
import Xapian

/// Spelling changes counted in memory and added to Xapian's spelling data at checkpoints, not
/// in every batch: Xapian re-merges the spelling table at each commit that touches it, and
/// that costs more the larger the vocabulary (30% of a 20,000-file run at 50-file commits).
///
/// Crash safety: each batch's transaction also stores the batch's `SpellingDelta` as metadata
/// `referat.spelling.pending:<n>`. A checkpoint adds the sum of the pending deltas to the
/// spelling data and deletes their keys in one transaction. So in every committed revision the
/// spelling data plus the pending deltas equal the words of the committed items; a run that
/// finds pending keys (the previous one was killed) applies them before anything else. A run's
/// last transaction adds what is pending to the spelling data itself, so a run ends without a
/// checkpoint commit of its own (an update of a few files is one commit, one changeset).
/// Deltas are net (an item added and later deleted cancels out) and may be negative (the
/// words of replaced or removed items); applied to the committed spelling data, whose
/// frequencies include every word they take away, the result is exact.
struct PendingSpelling {
    static let keyPrefix = "referat.spelling.pending:"

    /// Checkpoint after this many files, or when this many distinct words are pending.
    let checkpointFiles: Int
    let maxWords: Int
    private var delta = SpellingDelta()
    private var keys: [String] = []
    private var files = 0
    private var written = 0

    init(checkpointFiles: Int, maxWords: Int = 100_000) {
        self.checkpointFiles = checkpointFiles
        self.maxWords = maxWords
    }

    /// Records a batch's changes; call inside the batch's transaction. A failed transaction
    /// ends the run, so what is counted here is what is committed. In the run's `last`
    /// transaction, everything pending goes into the spelling data there and then.
    mutating func record(_ batch: SpellingDelta, files count: Int, last: Bool, in database: WritableDatabase) throws {
        files += count
        if last {
            delta.add(batch)
            try Self.addPending(delta, clearing: keys, in: database)
            (files, delta, keys) = (0, SpellingDelta(), [])
            return
        }
        guard !batch.isEmpty else { return }
        written += 1
        let key = Self.keyPrefix + String(format: "%08d", written)
        try database.setMetadata(key, batch.encoded)
        keys.append(key)
        delta.add(batch)
    }

    var isDue: Bool { files >= checkpointFiles || delta.count >= maxWords }

    /// Adds the pending changes to the spelling data, in their own transaction.
    mutating func checkpoint(_ database: WritableDatabase) throws {
        files = 0
        guard !keys.isEmpty else { return }
        try Self.apply(delta, clearing: keys, in: database)
        delta = SpellingDelta()
        keys = []
    }

    /// Applies the changes a killed run left pending. Run under the writer lock, first.
    static func recover(in database: WritableDatabase, indexPath: String) throws {
        let keys = try database.metadataKeys(prefix: keyPrefix)
        guard !keys.isEmpty else { return }
        var total = SpellingDelta()
        for key in keys {
            guard let delta = SpellingDelta(encoded: try database.metadata(key)) else {
                throw ReferatError.indexUnreadable(path: indexPath, reason: "malformed spelling data in \(key)")
            }
            total.add(delta)
        }
        try apply(total, clearing: keys, in: database)
    }

    private static func apply(_ delta: SpellingDelta, clearing keys: [String], in database: WritableDatabase) throws {
        try database.transaction { try addPending(delta, clearing: keys, in: database) }
    }

    /// Inside a transaction: the pending changes into the spelling data, their keys deleted.
    private static func addPending(_ delta: SpellingDelta, clearing keys: [String], in database: WritableDatabase)
        throws
    {
        try delta.apply(to: database)
        for key in keys { try database.setMetadata(key, "") }
    }
}
