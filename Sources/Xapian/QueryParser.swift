internal import CXapian

/// Xapian's query parser: the user's query string to a `Query`.
public final class QueryParser {
    /// Xapian::QueryParser::feature_flag values.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        private init(_ flag: xap_qp_flag) { rawValue = flag.rawValue }

        public static let boolean = Flags(XAP_FLAG_BOOLEAN)
        public static let phrase = Flags(XAP_FLAG_PHRASE)
        public static let loveHate = Flags(XAP_FLAG_LOVEHATE)
        public static let booleanAnyCase = Flags(XAP_FLAG_BOOLEAN_ANY_CASE)
        public static let wildcard = Flags(XAP_FLAG_WILDCARD)
        public static let pureNot = Flags(XAP_FLAG_PURE_NOT)
        public static let partial = Flags(XAP_FLAG_PARTIAL)
        public static let spellingCorrection = Flags(XAP_FLAG_SPELLING_CORRECTION)
        public static let synonym = Flags(XAP_FLAG_SYNONYM)
        public static let autoSynonyms = Flags(XAP_FLAG_AUTO_SYNONYMS)
        public static let autoMultiwordSynonyms = Flags(XAP_FLAG_AUTO_MULTIWORD_SYNONYMS)
        public static let `default` = Flags(XAP_FLAG_DEFAULT)
    }

    /// Xapian::QueryParser::stem_strategy values.
    public enum StemmingStrategy: Sendable {
        case none
        /// Stem words not starting with a capital letter, as "Z"-prefixed terms.
        case some
        case all
        case allZ
        case someFullPositions

        var shimValue: xap_stem_strategy {
            switch self {
            case .none: XAP_STEM_NONE
            case .some: XAP_STEM_SOME
            case .all: XAP_STEM_ALL
            case .allZ: XAP_STEM_ALL_Z
            case .someFullPositions: XAP_STEM_SOME_FULL_POS
            }
        }
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

    public func setStemmer(_ stemmer: Stemmer, strategy: StemmingStrategy) throws(XapianError) {
        try check { xap_queryparser_set_stemmer(handle, stemmer.handle, strategy.shimValue, $0) }
    }

    /// Words dropped from queries, except inside phrases.
    public func setStopWords(_ words: some Collection<String>) throws(XapianError) {
        try withCStringArray(Array(words)) { array, count throws(XapianError) in
            try check { xap_queryparser_set_stopwords(handle, array, count, $0) }
        }
    }

    /// The operator between words with none given; Xapian's default is OR.
    public func setDefaultOperator(_ op: Query.Operator) throws(XapianError) {
        try check { xap_queryparser_set_default_op(handle, op.shimValue, $0) }
    }

    /// Needed for wildcards, spelling correction and synonyms.
    public func setDatabase(_ database: Database) throws(XapianError) {
        try check { xap_queryparser_set_database(handle, database.handle, $0) }
        self.database = database
    }

    /// Caps the terms the parser's own wildcards expand to, choosing them by `limit`.
    public func setMaxWildcardExpansion(_ maxExpansion: Int, limit: Query.WildcardLimit) throws(XapianError) {
        try check { xap_queryparser_set_max_expansion(handle, UInt32(maxExpansion), limit.shimValue, $0) }
    }

    /// `field:word` searches terms with `prefix`; call twice for one field to search both.
    public func addPrefix(field: String, prefix: String) throws(XapianError) {
        try check { xap_queryparser_add_prefix(handle, field, prefix, $0) }
    }

    /// `field:value` filters on the boolean term `prefix + value`.
    public func addBooleanPrefix(field: String, prefix: String) throws(XapianError) {
        try check { xap_queryparser_add_boolean_prefix(handle, field, prefix, $0) }
    }

    /// `field:2022-01-01..2022-12-31` ranges: `expand(begin, end)` (the bounds as typed, an open
    /// end as ""), or, when it returns nil or throws, Xapian's date range on a value slot holding
    /// YYYYMMDD dates.
    public func addDateRange(
        slot: UInt32, field: String, epochYear: Int = 1970, expand: @escaping (String, String) throws -> Query?
    ) throws(XapianError) {
        let context = Unmanaged.passRetained(RangeExpansion(expand)).toOpaque()
        try check {
            xap_queryparser_add_date_range(
                handle, slot, field, Int32(epochYear),
                { context, begin, end in
                    let expansion = Unmanaged<RangeExpansion>.fromOpaque(context!).takeUnretainedValue()
                    guard let query = try? expansion.expand(String(cString: begin), String(cString: end)) else {
                        return nil
                    }
                    return xap_query_clone(query.handle)
                },
                context,
                { context in Unmanaged<RangeExpansion>.fromOpaque(context!).release() },
                $0)
        }
    }

    /// `field:text` is answered by `expand(text)`: a Xapian field processor written in Swift.
    /// `expand` runs during `parse` on the caller's thread; when it throws, the parse fails with
    /// a `.queryParser` error.
    public func addFieldProcessor(_ field: String, expand: @escaping (String) throws -> Query) throws(XapianError) {
        let context = Unmanaged.passRetained(FieldExpansion(expand)).toOpaque()
        try check {
            xap_queryparser_add_field_processor(
                handle, field,
                { context, text in
                    let expansion = Unmanaged<FieldExpansion>.fromOpaque(context!).takeUnretainedValue()
                    guard let query = try? expansion.expand(String(cString: text)) else { return nil }
                    return xap_query_clone(query.handle)
                },
                context,
                { context in Unmanaged<FieldExpansion>.fromOpaque(context!).release() },
                $0)
        }
    }

    /// The query the text means; its synonyms (`.autoSynonyms`, a word under several prefixes)
    /// built as `Query.Operator.synonym` says.
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

/// A field or range processor's Swift closure, owned by the parser through the shim's context
/// pointer.
private final class Expansion<Expand> {
    let expand: Expand
    init(_ expand: Expand) { self.expand = expand }
}

private typealias FieldExpansion = Expansion<(String) throws -> Query>
private typealias RangeExpansion = Expansion<(String, String) throws -> Query?>
