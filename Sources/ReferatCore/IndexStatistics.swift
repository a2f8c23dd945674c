import Minutes
import Xapian

/// What `referat stats` reports about an index.
public struct IndexStatistics: Codable, Sendable, Equatable {
    public var items: Int
    public var meetings: Int
    /// Distinct words (unprefixed terms), not counting stems and filter terms.
    public var distinctTerms: Int
    public var itemsPerCluster: [String: Int]
    public var itemsPerForum: [String: Int]
    public var firstDate: String?
    public var lastDate: String?

    init(database: Database) throws {
        items = try database.documentCount
        meetings = try database.termCount(prefix: IndexSchema.filePrefix)
        // Xapian's convention: prefixes are capital letters, plain words start with anything else.
        distinctTerms = try database.terms(prefix: "").filter { !($0.term.first?.isUppercase ?? true) }.count
        var clusters: [String: Int] = [:]
        var forums: [String: Int] = [:]
        let counted = try database.valueCounts(slot: IndexSchema.facetSlot, matching: try Query.matchAll())
        for (value, count) in counted.values {
            let parts = IndexSchema.facetParts(of: value)
            if let cluster = parts.cluster { clusters[cluster, default: 0] += count }
            if let forum = parts.forum { forums[forum, default: 0] += count }
        }
        itemsPerCluster = clusters
        itemsPerForum = forums
        let bounds = try database.valueBounds(slot: IndexSchema.dateSlot)
        firstDate = bounds.flatMap { isoDate(fromCompact: $0.lower) }
        lastDate = bounds.flatMap { isoDate(fromCompact: $0.upper) }
    }
}

/// YYYYMMDD, as stored in the date slot, to YYYY-MM-DD.
private func isoDate(fromCompact compact: String) -> String? {
    guard compact.count == 8, let number = Int(compact) else { return nil }
    return MeetingDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)?.iso
}
