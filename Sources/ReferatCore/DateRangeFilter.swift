import Minutes
import Xapian

/// The items of meetings from one day to another (`dato:…`, `from`/`to`), as a filter. Xapian's
/// value range reads the date of every item it is asked about: for a range alone, every item
/// of the index (5 ms at 180,000 items). An item's meeting day and year are also terms
/// (`XD20200301`, `XY2022`), so a range is the OR of the years it holds whole and the days at its
/// ends: short posting lists that Xapian walks, and that the facet count reads as bits. Those are
/// taken when they are few and name at most half the index; a range over most of the index is
/// cheaper as the value range (its terms' OR would be walked in full).
enum DateRangeFilter {
    /// More terms than this cost more to merge than the value range does to read.
    static let maxTerms = 150

    /// Items of meetings from `lower` to `upper` (nil: open), the same items either way.
    static func query(from lower: MeetingDate?, to upper: MeetingDate?, in database: Database) throws(XapianError)
        -> Query
    {
        guard let terms = try terms(from: lower?.compact, to: upper?.compact, in: database) else {
            return try Query(valueIn: IndexSchema.dateSlot, from: lower?.compact, to: upper?.compact)
        }
        var queries: [Query] = []
        for term in terms { queries.append(try Query(term: term)) }
        // Boolean terms weigh nothing, as the value range.
        return try Query(.or, queries).scaled(by: 0)
    }

    /// The range as the day and year terms that name its items, or nil when they are too many
    /// or name more than half the index.
    private static func terms(from lower: String?, to upper: String?, in database: Database) throws(XapianError)
        -> [String]?
    {
        var terms: [String] = []
        var items = 0
        for (yearTerm, yearItems) in try database.terms(prefix: IndexSchema.yearPrefix) {
            guard let year = Int(yearTerm.dropFirst(IndexSchema.yearPrefix.count)) else { continue }
            // Day terms are `MeetingDate.compact`: the year in four digits.
            let digits = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
            let (first, last) = (digits + "0101", digits + "1231")
            if let lower, last < lower { continue }
            if let upper, first > upper { continue }
            if lower.map({ $0 <= first }) ?? true, upper.map({ last <= $0 }) ?? true {
                terms.append(yearTerm)
                items += yearItems
            } else {
                for (dayTerm, dayItems) in try database.terms(prefix: IndexSchema.dayPrefix + digits) {
                    let day = dayTerm.dropFirst(IndexSchema.dayPrefix.count)
                    guard lower.map({ $0 <= day }) ?? true, upper.map({ day <= $0 }) ?? true else { continue }
                    terms.append(dayTerm)
                    items += dayItems
                }
            }
            if terms.count > maxTerms { return nil }
        }
        return items * 2 <= (try database.documentCount) ? terms : nil
    }
}
