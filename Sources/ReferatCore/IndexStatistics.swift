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
        let enquire = try Enquire(database: database)
        try enquire.setQuery(try Query.matchAll())
        let clusters = try enquire.addValueCountSpy(slot: IndexSchema.clusterSlot)
        let forums = try enquire.addValueCountSpy(slot: IndexSchema.forumSlot)
        _ = try enquire.mset(first: 0, maxItems: 0, checkAtLeast: items)
        itemsPerCluster = Dictionary(uniqueKeysWithValues: try enquire.spyValues(clusters).map { ($0.value, $0.count) })
        itemsPerForum = Dictionary(uniqueKeysWithValues: try enquire.spyValues(forums).map { ($0.value, $0.count) })
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
