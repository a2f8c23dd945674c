internal import CXapian

/// Xapian's query parser: the user's query string to a `Query`.
public final class QueryParser {
    /// Xapian::QueryParser::feature_flag values.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let boolean = Flags(rawValue: 1)
        public static let phrase = Flags(rawValue: 2)
        public static let loveHate = Flags(rawValue: 4)
        public static let booleanAnyCase = Flags(rawValue: 8)
        public static let wildcard = Flags(rawValue: 16)
        public static let pureNot = Flags(rawValue: 32)
        public static let partial = Flags(rawValue: 64)
        public static let spellingCorrection = Flags(rawValue: 128)
        public static let synonym = Flags(rawValue: 256)
        public static let autoSynonyms = Flags(rawValue: 512)
        public static let autoMultiwordSynonyms = Flags(rawValue: 1024)
        /// Xapian's FLAG_DEFAULT.
        public static let `default`: Flags = [.phrase, .boolean, .loveHate]
    }

    /// Xapian::QueryParser::stem_strategy values.
    public enum StemmingStrategy: Int32, Sendable {
        case none = 0
        /// Stem words not starting with a capital letter, as "Z"-prefixed terms.
        case some = 1
        case all = 2
        case allZ = 3
        case someFullPositions = 4
    }

    let handle: OpaquePointer
    /// Kept alive for as long as the parser refers to it.
    private var database: Database?

    public init() throws(XapianError) {
        guard let handle = xap_queryparser_new() else { throw XapianError.outOfMemory }
        self.handle = handle
    }

    deinit {
        xap_queryparser_free(handle)
    }

    public func setStemmer(_ stemmer: Stemmer, strategy: StemmingStrategy) {
        xap_queryparser_set_stemmer(handle, stemmer.handle, strategy.rawValue)
    }

    /// Words dropped from queries, except inside phrases.
    public func setStopWords(_ words: some Collection<String>) throws(XapianError) {
        try withCStringArray(Array(words)) { array, count throws(XapianError) in
            xap_queryparser_set_stopwords(handle, array, count)
        }
    }

    /// The operator between words with none given; Xapian's default is OR.
    public func setDefaultOperator(_ op: Query.Operator) {
        xap_queryparser_set_default_op(handle, op.rawValue)
    }

    /// Needed for wildcards, spelling correction and synonyms.
    public func setDatabase(_ database: Database) {
        self.database = database
        xap_queryparser_set_database(handle, database.handle)
    }

    /// Caps the terms a wildcard expands to (most frequent kept), so `a*` cannot blow up.
    public func setMaxWildcardExpansion(_ limit: Int) {
        xap_queryparser_set_max_expansion(handle, UInt32(limit))
    }

    /// `field:word` searches terms with `prefix`; call twice for one field to search both.
    public func addPrefix(field: String, prefix: String) throws(XapianError) {
        try check { xap_queryparser_add_prefix(handle, field, prefix, $0) }
    }

    /// `field:value` filters on the boolean term `prefix + value`.
    public func addBooleanPrefix(field: String, prefix: String) throws(XapianError) {
        try check { xap_queryparser_add_boolean_prefix(handle, field, prefix, $0) }
    }

    /// `field:2022-01-01..2022-12-31` ranges on a value slot holding YYYYMMDD dates.
    public func addDateRange(slot: UInt32, field: String, epochYear: Int = 1970) throws(XapianError) {
        try check { xap_queryparser_add_date_range(handle, slot, field, Int32(epochYear), $0) }
    }

    /// `field:pattern` matches words starting with `pattern` under each prefix (the
    /// `maxExpansion` most frequent), without weight: it selects items, the other words rank them.
    public func addUnweightedWildcardField(_ field: String, prefixes: [String], maxExpansion: Int)
        throws(XapianError)
    {
        try withCStringArray(prefixes) { array, count throws(XapianError) in
            try check {
                xap_queryparser_add_unweighted_wildcard_field(handle, field, array, count, UInt32(maxExpansion), $0)
            }
        }
    }

    public func parse(_ query: String, flags: Flags = .default, defaultPrefix: String = "") throws(XapianError) -> Query
    {
        let result = try check { xap_queryparser_parse(handle, query, flags.rawValue, defaultPrefix, $0) }
        guard let result else { throw XapianError.outOfMemory }
        return Query(handle: result)
    }

    /// After parsing with `.spellingCorrection`: the corrected query string, or nil.
    public var correctedQuery: String? {
        let corrected = takeString(xap_queryparser_corrected_query(handle))
        return corrected.isEmpty ? nil : corrected
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension QueryParser: Sendable {}
