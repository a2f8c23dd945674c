internal import CXapian

/// A Xapian document: terms (with positions), values and opaque data.
public final class Document {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    public init() throws(XapianError) {
        guard let handle = xap_document_new() else { throw XapianError.outOfMemory }
        self.handle = handle
    }

    deinit {
        xap_document_free(handle)
    }

    /// Indexes `term` at `position` (for phrase and proximity search), adding to its wdf.
    public func addPosting(_ term: String, position: Int, wdfIncrement: Int = 1) throws(XapianError) {
        try check { xap_document_add_posting(handle, term, UInt32(position), UInt32(wdfIncrement), $0) }
    }

    /// Indexes `term` without a position.
    public func addTerm(_ term: String, wdfIncrement: Int = 1) throws(XapianError) {
        try check { xap_document_add_term(handle, term, UInt32(wdfIncrement), $0) }
    }

    /// Indexes a filter term: wdf 0, so it never affects the document's length or weight.
    public func addBooleanTerm(_ term: String) throws(XapianError) {
        try check { xap_document_add_boolean_term(handle, term, $0) }
    }

    public func setValue(_ value: String, slot: UInt32) throws(XapianError) {
        try withBytes(value) { bytes, count throws(XapianError) in
            try check { xap_document_set_value(handle, slot, bytes, count, $0) }
        }
    }

    /// The value in `slot`; "" when unset.
    public func value(slot: UInt32) throws(XapianError) -> String {
        var value: UnsafeMutablePointer<CChar>?
        var length = 0
        try check { xap_document_value(handle, slot, &value, &length, $0) }
        return takeString(value, length: length)
    }

    /// The stored data, returned with search results.
    public func data() throws(XapianError) -> String {
        var data: UnsafeMutablePointer<CChar>?
        var length = 0
        try check { xap_document_data(handle, &data, &length, $0) }
        return takeString(data, length: length)
    }

    public func setData(_ data: String) throws(XapianError) {
        try withBytes(data) { bytes, count throws(XapianError) in
            try check { xap_document_set_data(handle, bytes, count, $0) }
        }
    }

    /// The document's terms with their within-document frequency, in term order.
    public func terms() throws(XapianError) -> [(term: String, wdf: Int)] {
        var list: OpaquePointer?
        try check { xap_document_terms(handle, &list, $0) }
        return takeList(list).map { (term: $0.0, wdf: $0.1) }
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension Document: Sendable {}
