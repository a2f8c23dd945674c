internal import CXapian

/// A Xapian database opened for writing. Xapian allows one writer per database at a time: a
/// second one fails with `.databaseLock`.
public final class WritableDatabase: Database {
    /// How to open the database (Xapian's DB_* constants).
    public enum OpenMode: Sendable {
        case createOrOpen
        case createOrOverwrite
        case create
        case open

        var flag: xap_db_flag {
            switch self {
            case .createOrOpen: XAP_DB_CREATE_OR_OPEN
            case .createOrOverwrite: XAP_DB_CREATE_OR_OVERWRITE
            case .create: XAP_DB_CREATE
            case .open: XAP_DB_OPEN
            }
        }
    }

    /// - Parameter waitForLock: block until another writer releases the lock (DB_RETRY_LOCK)
    ///   instead of failing at once.
    public init(path: String, mode: OpenMode = .createOrOpen, waitForLock: Bool = false) throws(XapianError) {
        let flags = mode.flag.rawValue | (waitForLock ? XAP_DB_RETRY_LOCK.rawValue : 0)
        let handle = try check { xap_database_open_writable(path, flags, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        super.init(handle: handle)
    }

    /// Adds `document`, replacing every document indexed by `uniqueTerm`. Returns its docid.
    @discardableResult
    public func replaceDocument(uniqueTerm: String, with document: Document) throws(XapianError) -> UInt32 {
        var docid: UInt32 = 0
        try check { xap_database_replace_document(handle, uniqueTerm, document.handle, &docid, $0) }
        return docid
    }

    /// Deletes every document indexed by `term`.
    public func deleteDocuments(withTerm term: String) throws(XapianError) {
        try check { xap_database_delete_documents(handle, term, $0) }
    }

    /// Stores user metadata; an empty value deletes the key.
    public func setMetadata(_ key: String, _ value: String) throws(XapianError) {
        try withBytes(value) { bytes, count throws(XapianError) in
            try check { xap_database_set_metadata(handle, key, bytes, count, $0) }
        }
    }

    public func addSpelling(_ word: String, increment: Int = 1) throws(XapianError) {
        try check { xap_database_add_spelling(handle, word, UInt32(increment), $0) }
    }

    /// Lowers a word's spelling frequency; at zero the word leaves the spelling data.
    public func removeSpelling(_ word: String, decrement: Int = 1) throws(XapianError) {
        try check { xap_database_remove_spelling(handle, word, UInt32(decrement), $0) }
    }

    public func addSynonym(_ synonym: String, for term: String) throws(XapianError) {
        try check { xap_database_add_synonym(handle, term, synonym, $0) }
    }

    public func clearSynonyms(for term: String) throws(XapianError) {
        try check { xap_database_clear_synonyms(handle, term, $0) }
    }

    /// Makes the changes so far durable and visible to readers (after a reopen).
    public func commit() throws(XapianError) {
        try check { xap_database_commit(handle, $0) }
    }

    /// Runs `body` inside a Xapian transaction: committed as a whole when it returns, cancelled
    /// when it throws. A flushed transaction is also committed to disk atomically.
    @discardableResult
    public func transaction<T>(flushed: Bool = true, _ body: () throws -> T) throws -> T {
        try check { xap_database_begin_transaction(handle, flushed ? 1 : 0, $0) }
        do {
            let result = try body()
            try check { xap_database_commit_transaction(handle, $0) }
            return result
        } catch {
            _ = try? check { xap_database_cancel_transaction(handle, $0) }
            throw error
        }
    }
}
