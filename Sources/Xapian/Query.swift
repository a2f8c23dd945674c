internal import CXapian

/// An immutable Xapian query tree.
public final class Query: CustomStringConvertible {
    /// Xapian::Query::op values.
    public enum Operator: Int32, Sendable {
        case and = 0
        case or = 1
        case andNot = 2
        case xor = 3
        case andMaybe = 4
        case filter = 5
        case near = 6
        case phrase = 7
        case elite = 10
        case synonym = 13
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
            try check { xap_query_combine(op.rawValue, buffer.baseAddress, buffer.count, UInt32(parameter), $0) }
        }
        guard let handle else { throw XapianError.outOfMemory }
        self.init(handle: handle)
        withExtendedLifetime(subqueries) {}
    }

    /// Documents whose value in `slot` lies within the bounds (byte-wise string comparison);
    /// either bound may be open.
    public convenience init(valueIn slot: UInt32, from lower: String?, to upper: String?) throws(XapianError) {
        let op: Int32 =
            switch (lower, upper) {
            case (.some, .some): 8  // OP_VALUE_RANGE
            case (.some, nil): 11  // OP_VALUE_GE
            case (nil, .some): 12  // OP_VALUE_LE
            case (nil, nil): throw XapianError(type: "InvalidArgumentError", message: "a value range needs a bound")
            }
        let handle = try check { xap_query_new_value_range(op, slot, lower ?? "", upper ?? "", $0) }
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
