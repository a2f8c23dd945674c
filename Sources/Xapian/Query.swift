internal import CXapian

/// An immutable Xapian query tree.
public final class Query: CustomStringConvertible {
    /// Xapian::Query::op values.
    public enum Operator: Sendable {
        case and
        case or
        case andNot
        case xor
        case andMaybe
        case filter
        case near
        case phrase
        case elite
        /// The subqueries weighed as one word. Built (and parsed) as a balanced tree of
        /// two-member synonyms: Xapian 1.4 estimates a synonym's frequency from a tree each shard
        /// shapes by its own words, so a flat synonym weighs otherwise in each shard of a sharded
        /// index (the shim's `with_stable_synonyms`).
        case synonym

        var shimValue: xap_query_op {
            switch self {
            case .and: XAP_OP_AND
            case .or: XAP_OP_OR
            case .andNot: XAP_OP_AND_NOT
            case .xor: XAP_OP_XOR
            case .andMaybe: XAP_OP_AND_MAYBE
            case .filter: XAP_OP_FILTER
            case .near: XAP_OP_NEAR
            case .phrase: XAP_OP_PHRASE
            case .elite: XAP_OP_ELITE_SET
            case .synonym: XAP_OP_SYNONYM
            }
        }
    }

    /// Which terms a wildcard keeps when more than its limit match (Xapian's WILDCARD_LIMIT_*).
    public enum WildcardLimit: Sendable {
        /// Matching more terms is an error.
        case error
        /// The first terms in byte order.
        case first
        /// The terms that index the most documents.
        case mostFrequent

        var shimValue: xap_wildcard_limit {
            switch self {
            case .error: XAP_WILDCARD_LIMIT_ERROR
            case .first: XAP_WILDCARD_LIMIT_FIRST
            case .mostFrequent: XAP_WILDCARD_LIMIT_MOST_FREQUENT
            }
        }
    }

    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        xap_query_free(handle)
    }

    /// Matches every document.
    public static func matchAll() throws(XapianError) -> Query {
        guard let handle = xap_query_new_match_all() else { throw XapianError.outOfMemory }
        return Query(handle: handle)
    }

    public convenience init(term: String, wqf: Int = 1, position: Int = 0) throws(XapianError) {
        let handle = try check { xap_query_new_term(term, UInt32(wqf), UInt32(position), $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    /// Combines subqueries; `parameter` is the window for near/phrase, the set size for elite.
    public convenience init(_ op: Operator, _ subqueries: [Query], parameter: Int = 0) throws(XapianError) {
        let handles: [OpaquePointer] = subqueries.map(\.handle)
        let handle = try handles.withUnsafeBufferPointer { buffer throws(XapianError) in
            try check { xap_query_combine(op.shimValue, buffer.baseAddress, buffer.count, UInt32(parameter), $0) }
        }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
        withExtendedLifetime(subqueries) {}
    }

    /// Documents whose value in `slot` lies within the bounds (byte-wise string comparison);
    /// either bound may be open.
    public convenience init(valueIn slot: UInt32, from lower: String?, to upper: String?) throws(XapianError) {
        let op =
            switch (lower, upper) {
            case (.some, .some): XAP_OP_VALUE_RANGE
            case (.some, nil): XAP_OP_VALUE_GE
            case (nil, .some): XAP_OP_VALUE_LE
            case (nil, nil): throw XapianError(type: "InvalidArgumentError", message: "a value range needs a bound")
            }
        let handle = try check { xap_query_new_value_range(op, slot, lower ?? "", upper ?? "", $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    /// Terms starting with `pattern`, at most `maxExpansion` of them chosen by `limit`, OR-ed as
    /// Xapian's OP_WILDCARD does.
    public convenience init(wildcard pattern: String, maxExpansion: Int, limit: WildcardLimit) throws(XapianError) {
        let handle = try check { xap_query_new_wildcard(pattern, UInt32(maxExpansion), limit.shimValue, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
    }

    /// This query with every weight multiplied by `factor`.
    public func scaled(by factor: Double) throws(XapianError) -> Query {
        let handle = try check { xap_query_scale_weight(self.handle, factor, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        return Query(handle: handle)
    }

    public var description: String { takeString(xap_query_description(handle)) }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension Query: Sendable {}
