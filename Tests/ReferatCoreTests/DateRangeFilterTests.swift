import Minutes
import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// A date range is searched as the day and year terms that name its items when they are few
/// (`DateRangeFilter`): it finds the items the date slot's value range finds, on one index and
/// over shards, whichever form it takes.
@Suite struct DateRangeFilterTests {
    @Test(arguments: [ShardedSamples.single, ShardedSamples.root])
    func findsWhatTheValueRangeFinds(path: String) throws {
        let database = try ShardStub.at(path)?.open(timeout: Searcher.defaultShardTimeout) ?? Database(path: path)
        let days = try database.terms(prefix: IndexSchema.dayPrefix).compactMap { term, _ in
            Self.date(compact: String(term.dropFirst(IndexSchema.dayPrefix.count)))
        }
        #expect(days.count > 3)
        // Each meeting day, the days beside it, and the ends of its year; nil is an open end.
        var bounds: Set<MeetingDate> = []
        for day in days {
            bounds.formUnion(
                [
                    day, MeetingDate(year: day.year, month: day.month, day: day.day - 1),
                    MeetingDate(year: day.year, month: day.month, day: day.day + 1),
                    MeetingDate(year: day.year, month: 1, day: 1), MeetingDate(year: day.year, month: 12, day: 31),
                ].compactMap { $0 })
        }
        let candidates = [nil] + bounds.sorted()
        var forms: [String: Int] = [:]
        for lower in candidates {
            for upper in candidates where lower == nil || upper == nil || lower! <= upper! {
                guard lower != nil || upper != nil else { continue }
                let filter = try DateRangeFilter.query(from: lower, to: upper, in: database)
                let valueRange = try Query(valueIn: IndexSchema.dateSlot, from: lower?.compact, to: upper?.compact)
                #expect(
                    try Self.matches(filter, in: database) == Self.matches(valueRange, in: database),
                    "\(String(describing: lower))..\(String(describing: upper))")
                forms[filter.description.contains("VALUE_") ? "value range" : "terms", default: 0] += 1
            }
        }
        // Narrow ranges take the terms, ranges over most of the index the value range.
        #expect(forms["terms", default: 0] > 10 && forms["value range", default: 0] > 10, "\(forms)")
    }

    /// `dato:` typed in the query, and a request's `from` and `to`, find the same items; a date
    /// Xapian reads but `MeetingDate` does not is left to Xapian's value range.
    @Test func typedRangeAndRequestBoundsAgree() throws {
        let searcher = try Searcher(databasePath: ShardedSamples.single)
        let pairs: [(typed: String, from: String?, to: String?)] = [
            ("2022-01-01..2022-12-31", "2022-01-01", "2022-12-31"),
            ("2022-05-01..2023-12-31", "2022-05-01", "2023-12-31"),
            ("2023-01-01..", "2023-01-01", nil),
            ("..2022-06-30", nil, "2022-06-30"),
            ("2021-01-01..2021-12-31", "2021-01-01", "2021-12-31"),
        ]
        for (typed, from, to) in pairs {
            let request = SearchRequest(
                query: "", limit: SearchRequest.maxLimit, from: from.flatMap(MeetingDate.init(iso:)),
                to: to.flatMap(MeetingDate.init(iso:)))
            let bounded = try searcher.search(request).results.map(\.id)
            let typedIDs = try searcher.search(SearchRequest(query: "dato:" + typed, limit: SearchRequest.maxLimit))
                .results.map(\.id)
            #expect(Set(typedIDs) == Set(bounded), "\(typed)")
            #expect(typed.hasPrefix("2021") == bounded.isEmpty, "\(typed)")
        }
        let compactForm = try searcher.search(SearchRequest(query: "dato:20220101..20221231", limit: 50))
        let isoForm = try searcher.search(SearchRequest(query: "dato:2022-01-01..2022-12-31", limit: 50))
        #expect(Set(compactForm.results.map(\.id)) == Set(isoForm.results.map(\.id)))
        #expect(!isoForm.results.isEmpty)
    }

    private static func date(compact: String) -> MeetingDate? {
        guard compact.count == 8, let number = Int(compact) else { return nil }
        return MeetingDate(year: number / 10000, month: number / 100 % 100, day: number % 100)
    }

    private static func matches(_ query: Query, in database: Database) throws -> Set<UInt32> {
        let enquire = try Enquire(database: database)
        try enquire.setQuery(query)
        let mset = try enquire.mset(first: 0, maxItems: try database.documentCount)
        return Set(try (0..<mset.count).map { try mset.item(at: $0).0 })
    }
}
