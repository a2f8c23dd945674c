internal import CXapian

/// Every document's value in one slot, read once for a revision of a database, so that
/// counting values over a match (`Database.valueCounts(matching:from:)`) looks each match's
/// value up by document id instead of reading it: reading the values was half of a count's
/// time. A few bytes per document id; immutable, so threads may share one.
public final class ValueTable: @unchecked Sendable {
    // @unchecked: the shim never changes a table after making it.
    let handle: OpaquePointer

    /// Reads `slot` of every document of `database` (one value stream over the slot).
    public init(database: Database, slot: UInt32) throws(XapianError) {
        let handle = try check { xap_value_table_new(database.handle, slot, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.handle = handle
    }

    deinit {
        xap_value_table_free(handle)
    }
}
