internal import CXapian

/// Runs a query against a database.
public final class Enquire {
    let handle: OpaquePointer
    private let database: Database
    private var query: Query?

    public init(database: Database) throws(XapianError) {
        let handle = try check { xap_enquire_new(database.handle, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.handle = handle
        self.database = database
    }

    deinit {
        xap_enquire_free(handle)
    }

    public func setQuery(_ query: Query) throws(XapianError) {
        try check { xap_enquire_set_query(handle, query.handle, $0) }
        self.query = query
    }

    /// Orders the match by the value in `slot` (byte-wise; `descending` puts documents without
    /// the value last), documents with equal values by relevance.
    public func sortByValueThenRelevance(slot: UInt32, descending: Bool) throws(XapianError) {
        try check { xap_enquire_set_sort_by_value_then_relevance(handle, slot, descending ? 1 : 0, $0) }
    }

    /// Orders by relevance, equal weights by the value in `slot` instead of by document id: the
    /// order then does not depend on how documents are numbered (one database or shards).
    public func sortByRelevanceThenValue(slot: UInt32, descending: Bool) throws(XapianError) {
        try check { xap_enquire_set_sort_by_relevance_then_value(handle, slot, descending ? 1 : 0, $0) }
    }

    /// Relevance feedback: the words (unprefixed terms) that best tell `documents` apart from
    /// the rest of the database, best first (Xapian's RSet and `get_eset`).
    public func expansionTerms(of documents: [UInt32], maxTerms: Int) throws(XapianError) -> [String] {
        var list: OpaquePointer?
        try documents.withUnsafeBufferPointer { buffer throws(XapianError) in
            try check { xap_enquire_eset(handle, buffer.baseAddress, buffer.count, UInt32(maxTerms), &list, $0) }
        }
        return takeList(list).map(\.0)
    }

    /// Runs the match: `maxItems` results from rank `first`; `checkAtLeast` documents are
    /// examined at least (so that estimates and spies are exact up to that many).
    public func mset(first: Int, maxItems: Int, checkAtLeast: Int = 0) throws(XapianError) -> MSet {
        var mset: OpaquePointer?
        try check { xap_enquire_mset(handle, UInt32(first), UInt32(maxItems), UInt32(checkAtLeast), &mset, $0) }
        guard let mset else { throw XapianError.outOfMemory }
        return MSet(handle: mset, enquire: self)
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension Enquire: Sendable {}

/// The results of a match.
public final class MSet {
    /// Xapian::MSet snippet flags.
    public struct SnippetFlags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        private init(_ flag: xap_snippet_flag) { rawValue = flag.rawValue }

        public static let backgroundModel = SnippetFlags(XAP_SNIPPET_BACKGROUND_MODEL)
        public static let exhaustive = SnippetFlags(XAP_SNIPPET_EXHAUSTIVE)
        public static let emptyWithoutMatch = SnippetFlags(XAP_SNIPPET_EMPTY_WITHOUT_MATCH)
    }

    let handle: OpaquePointer
    /// The match set refers to its enquire and database; keep them alive.
    private let enquire: Enquire

    init(handle: OpaquePointer, enquire: Enquire) {
        self.handle = handle
        self.enquire = enquire
    }

    deinit {
        xap_mset_free(handle)
    }

    public var count: Int { Int(xap_mset_size(handle)) }
    public var matchesEstimated: Int { Int(xap_mset_matches_estimated(handle)) }
    /// At least this many documents match.
    public var matchesLowerBound: Int { Int(xap_mset_matches_lower_bound(handle)) }
    /// The most any match of the query can weigh; 0 when it weighs nothing (filters, terms
    /// scaled by 0).
    public var maxPossibleWeight: Double { xap_mset_max_possible(handle) }

    public func item(at index: Int) throws(XapianError) -> (docid: UInt32, weight: Double) {
        var docid: UInt32 = 0
        var weight = 0.0
        try check { xap_mset_item(handle, UInt32(index), &docid, &weight, $0) }
        return (docid, weight)
    }

    public func document(at index: Int) throws(XapianError) -> Document {
        var document: OpaquePointer?
        try check { xap_mset_document(handle, UInt32(index), &document, $0) }
        guard let document else { throw XapianError.outOfMemory }
        return Document(handle: document)
    }

    /// The most relevant extract of `text` for the query, its matches wrapped in the
    /// highlight strings. `stemmer` must be the one the query was parsed with, or stemmed
    /// matches go unmarked.
    public func snippet(
        of text: String, length: Int, stemmer: Stemmer, flags: SnippetFlags = [.backgroundModel, .exhaustive],
        highlightStart: String, highlightEnd: String, omit: String = "…"
    ) throws(XapianError) -> String {
        var snippet: UnsafeMutablePointer<CChar>?
        try withBytes(text) { bytes, count throws(XapianError) in
            try check {
                xap_mset_snippet(
                    handle, bytes, length, stemmer.handle, flags.rawValue, highlightStart,
                    highlightEnd, omit, &snippet, $0)
            }
        }
        return takeString(snippet)
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension MSet: Sendable {}
