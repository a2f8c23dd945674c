import Xapian

/// The page of a match ordered by meeting, newest first: a search sorted by date, and one whose
/// matches all weigh nothing (unweighted wildcards and filters alone: ties are ordered by
/// meeting, `Searcher.enquire(on:order:)`). To order a match by a value Xapian must walk all of it
/// and read every match's value (`sundheds*`, 400 words OR-ed over 170,000 items: 73 ms), where
/// the page is among the newest meetings. So the match is searched among the items of the
/// newest meeting days (their `IndexSchema.dayPrefix` terms, a short posting list to walk), and
/// more days are taken until they hold the page: every item of an older day, or without a date,
/// comes after each of theirs, so the page is the whole match's. Whole days are taken, so the
/// items of one meeting, equal in the order, are never split.
struct NewestDaysFirst {
    let database: Database

    /// The days taken hold about this many times the page in expected matches, at the share of
    /// the items that match (the whole match's at first, then the days' own), so that one pass
    /// usually does.
    static let expectedPages = 2

    /// The match's items from rank `first`, as `enquire` (set up with the meeting order) orders
    /// the whole match of `query`, which matches about `estimate` items.
    func mset(of query: Query, enquire: Enquire, first: Int, maxItems: Int, estimate: Int) throws(XapianError)
        -> MSet
    {
        let documents = try database.documentCount
        let pageEnd = first + maxItems
        var wanted = pageEnd * Self.expectedPages * documents / max(estimate, 1)
        var days = try newestDays()
        var tier: [Query] = []
        var items = 0
        // Days of more items than the whole match, or than half the index, cost more than one
        // pass over the whole match.
        while wanted < min(estimate, documents / 2) {
            while items < wanted, let (day, frequency) = try days.next() {
                tier.append(try Query(term: day))
                items += frequency
            }
            guard items >= wanted else { break }
            try enquire.setQuery(try Query(.filter, [query, try Query(.or, tier)]))
            // Ordered by a value, the pass counts the days' matches exactly.
            let mset = try enquire.mset(first: first, maxItems: maxItems)
            if mset.count == maxItems { return mset }
            wanted = items * Self.expectedPages * pageEnd / max(mset.matchesEstimated, 1)
        }
        try enquire.setQuery(query)
        return try enquire.mset(first: first, maxItems: maxItems)
    }

    /// The day terms with their item counts, newest first, a year's at a time.
    private func newestDays() throws(XapianError) -> Days {
        let years = try database.terms(prefix: IndexSchema.yearPrefix).compactMap {
            Int($0.term.dropFirst(IndexSchema.yearPrefix.count))
        }
        return Days(database: database, years: years.sorted())
    }

    /// Both lists ascending, taken from the end.
    private struct Days {
        let database: Database
        var years: [Int]
        var yearDays: [(term: String, frequency: Int)] = []

        mutating func next() throws(XapianError) -> (String, Int)? {
            while yearDays.isEmpty {
                guard let year = years.popLast() else { return nil }
                // Day terms are `MeetingDate.compact`: the year in four digits.
                let digits = String(year)
                let prefix = IndexSchema.dayPrefix + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
                yearDays = try database.terms(prefix: prefix)
            }
            let day = yearDays.removeLast()
            return (day.term, day.frequency)
        }
    }
}
