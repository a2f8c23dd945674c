internal import CXapian

/// A read-only Xapian database. Not thread-safe: use one handle per thread or task (a pool of
/// them for a server); the type is deliberately not `Sendable`.
public class Database {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Opens an existing database for reading.
    public convenience init(path: String) throws(XapianError) {
        let handle = try check { xap_database_open(path, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    deinit {
        xap_database_free(handle)
    }

    /// A database searching `shards` as one (Xapian's `add_database`): document ids interleaved
    /// (document d of shard i, of n, is (d − 1) × n + i + 1), statistics global, spelling data
    /// and synonyms merged, metadata read from the first shard only.
    public convenience init(shards: [Database]) throws(XapianError) {
        guard let handle = xap_database_new_sharded() else { throw XapianError.outOfMemory }
        self.init(handle: handle)
        for shard in shards {
            try check { xap_database_add_shard(handle, shard.handle, $0) }
        }
    }

    /// A database served by `xapian-tcpsrv` at host:port (Xapian's remote backend). `timeout`
    /// bounds each exchange and `connectTimeout` the connection, in seconds; exceeded, Xapian
    /// throws NetworkTimeoutError.
    public convenience init(host: String, port: Int, timeout: Double, connectTimeout: Double) throws(XapianError) {
        let handle = try check {
            xap_database_open_remote_tcp(
                host, UInt32(port), Self.milliseconds(timeout), Self.milliseconds(connectTimeout), $0)
        }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    /// A database served by `xapian-progsrv` through a program's pipe (`ssh host xapian-progsrv
    /// /db`, or `xapian-progsrv /db` itself); `timeout` bounds each exchange, in seconds.
    public convenience init(program: String, arguments: String, timeout: Double) throws(XapianError) {
        let handle = try check {
            xap_database_open_remote_program(program, arguments, Self.milliseconds(timeout), $0)
        }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    private static func milliseconds(_ seconds: Double) -> UInt32 {
        UInt32(min(max(seconds * 1000, 1), Double(UInt32.max)))
    }

    /// Moves this reader to the latest committed revision. Xapian readers see the revision they
    /// opened; after a writer commits twice, reading an old one raises DatabaseModifiedError,
    /// and reopen() is the documented cure. Returns whether the database may have changed.
    @discardableResult
    public func reopen() throws(XapianError) -> Bool {
        var reopened: Int32 = 0
        try check { xap_database_reopen(handle, &reopened, $0) }
        return reopened != 0
    }

    /// Closes the database: a writer releases its lock; later calls throw.
    public func close() throws(XapianError) {
        try check { xap_database_close(handle, $0) }
    }

    public var documentCount: Int {
        get throws(XapianError) {
            var count: UInt32 = 0
            try check { xap_database_doccount(handle, &count, $0) }
            return Int(count)
        }
    }

    /// The revision of the committed state this handle reads.
    public var revision: UInt64 {
        get throws(XapianError) {
            var revision: UInt64 = 0
            try check { xap_database_revision(handle, &revision, $0) }
            return revision
        }
    }

    /// Number of documents indexed by `term`.
    public func termFrequency(_ term: String) throws(XapianError) -> Int {
        var frequency: UInt32 = 0
        try check { xap_database_termfreq(handle, term, &frequency, $0) }
        return Int(frequency)
    }

    /// Each term's frequency, as `termFrequency` gives it, asked of every shard at once: one
    /// exchange with each remote shard for all the terms instead of one per term.
    public func termFrequencies(of terms: [String]) throws(XapianError) -> [String: Int] {
        var frequencies = [UInt32](repeating: 0, count: terms.count)
        try withCStringArray(terms) { array, count throws(XapianError) in
            try frequencies.withUnsafeMutableBufferPointer { buffer throws(XapianError) in
                try check { xap_database_termfreqs(handle, array, count, buffer.baseAddress, $0) }
            }
        }
        return Dictionary(zip(terms, frequencies.map { Int($0) }), uniquingKeysWith: { first, _ in first })
    }

    /// Number of distinct terms starting with `prefix`.
    public func termCount(prefix: String = "") throws(XapianError) -> Int {
        var count: UInt64 = 0
        try check { xap_database_term_count(handle, prefix, &count, $0) }
        return Int(count)
    }

    /// Terms starting with `prefix`, with the number of documents each indexes.
    public func terms(prefix: String) throws(XapianError) -> [(term: String, frequency: Int)] {
        var list: OpaquePointer?
        try check { xap_database_terms(handle, prefix, &list, $0) }
        return takeList(list).map { (term: $0.0, frequency: $0.1) }
    }

    /// Every document indexed by `term`, in docid order.
    public func documentIDs(withTerm term: String) throws(XapianError) -> [UInt32] {
        var docids: UnsafeMutablePointer<UInt32>?
        var count = 0
        try check { xap_database_postings(handle, term, &docids, &count, $0) }
        defer { xap_docids_free(docids) }
        return docids.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    /// The first document indexed by `term`, or nil.
    public func firstDocumentID(withTerm term: String) throws(XapianError) -> UInt32? {
        var docid: UInt32 = 0
        try check { xap_database_first_posting(handle, term, &docid, $0) }
        return docid == 0 ? nil : docid
    }

    public func document(_ docid: UInt32) throws(XapianError) -> Document {
        var document: OpaquePointer?
        try check { xap_database_document(handle, docid, &document, $0) }
        guard let document else { throw XapianError.outOfMemory }
        return Document(handle: document)
    }

    /// User metadata stored under `key`; "" when absent.
    public func metadata(_ key: String) throws(XapianError) -> String {
        var value: UnsafeMutablePointer<CChar>?
        var length = 0
        try check { xap_database_metadata(handle, key, &value, &length, $0) }
        return takeString(value, length: length)
    }

    /// Metadata keys starting with `prefix`.
    public func metadataKeys(prefix: String) throws(XapianError) -> [String] {
        var list: OpaquePointer?
        try check { xap_database_metadata_keys(handle, prefix, &list, $0) }
        return takeList(list).map(\.0)
    }

    /// The smallest and largest value stored in `slot`, or nil when no document has one.
    public func valueBounds(slot: UInt32) throws(XapianError) -> (lower: String, upper: String)? {
        var lower: UnsafeMutablePointer<CChar>?
        var upper: UnsafeMutablePointer<CChar>?
        var lowerLength = 0
        var upperLength = 0
        try check { xap_database_value_bounds(handle, slot, &lower, &lowerLength, &upper, &upperLength, $0) }
        let bounds = (lower: takeString(lower, length: lowerLength), upper: takeString(upper, length: upperLength))
        return bounds.lower.isEmpty && bounds.upper.isEmpty ? nil : bounds
    }

    /// The `limit` terms starting with `prefix` that index the most documents (ties: the first
    /// in byte order), in byte order. Over shards, chosen by their summed frequencies.
    public func mostFrequentTerms(prefix: String, limit: Int) throws(XapianError) -> [String] {
        var list: OpaquePointer?
        try check { xap_database_most_frequent_terms(handle, prefix, UInt32(max(0, limit)), &list, $0) }
        return takeList(list).map(\.0)
    }

    /// The non-empty values of `slot` over every document `query` matches, each with its number
    /// of documents, and the number of matches: one pass of Xapian's matcher over the whole
    /// match, unranked, reading each match's value (the remote backend runs it too). On one
    /// database, `valueCounts(matching:from:)` is several times faster.
    public func valueCounts(slot: UInt32, matching query: Query) throws(XapianError) -> (
        values: [(value: String, count: Int)], matches: Int
    ) {
        var list: OpaquePointer?
        var matches: UInt32 = 0
        try check { xap_database_value_counts(handle, query.handle, slot, &list, &matches, $0) }
        return (takeList(list).map { (value: $0.0, count: $0.1) }, Int(matches))
    }

    /// As `valueCounts(slot:matching:)`, with each match's value looked up in `table`, which
    /// must have been read from this database at its current revision, and the match read as a
    /// set of document ids from the posting lists (`ValueTable`).
    public func valueCounts(matching query: Query, from table: ValueTable) throws(XapianError) -> (
        values: [(value: String, count: Int)], matches: Int
    ) {
        var list: OpaquePointer?
        var matches: UInt32 = 0
        try check { xap_value_table_counts(table.handle, handle, query.handle, &list, &matches, $0) }
        return (takeList(list).map { (value: $0.0, count: $0.1) }, Int(matches))
    }

    /// The words in the spelling data with their frequencies, in byte order.
    public func spellings() throws(XapianError) -> [(word: String, frequency: Int)] {
        var list: OpaquePointer?
        try check { xap_database_spellings(handle, &list, $0) }
        return takeList(list).map { (word: $0.0, frequency: $0.1) }
    }

    /// Writes the committed databases at `sources` into `destination` (a directory that must not
    /// hold a database yet) as one compacted database: documents renumbered in source order
    /// (each source's after the previous one's last id), spelling frequencies summed, synonyms
    /// and metadata merged; a metadata key in several sources keeps the first one's value.
    public static func compact(_ sources: [String], into destination: String) throws(XapianError) {
        try withCStringArray(sources) { array, count throws(XapianError) in
            try check { xap_compact_databases(array!, count, destination, XAP_COMPACT_FULL.rawValue, $0) }
        }
    }

    /// Terms that have synonyms, starting with `prefix`.
    public func synonymKeys(prefix: String = "") throws(XapianError) -> [String] {
        var list: OpaquePointer?
        try check { xap_database_synonym_keys(handle, prefix, &list, $0) }
        return takeList(list).map(\.0)
    }

    /// The synonyms of `term`, in byte order.
    public func synonyms(for term: String) throws(XapianError) -> [String] {
        var list: OpaquePointer?
        try check { xap_database_synonyms(handle, term, &list, $0) }
        return takeList(list).map(\.0)
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe: use one per thread or a pool")
extension Database: Sendable {}
