import Xapian

/// The term frequencies one query is built from. Over remote shards each lookup would be a
/// round trip to every shard, one after the other (a plain two-word query asks about twenty
/// terms): there a term not yet known is noted and taken as 0, and the caller builds the query
/// again once `fetchNoted()` has asked for all of them at once (`Database.termFrequencies`),
/// until a build needs no term it does not know (taken as 0, a known word looks unknown: the
/// spelling correction of unknown words waits for `awaitsFetch` to be false, or every word of a
/// first build would be corrected, slower than the lookups saved). Elsewhere a lookup reads the
/// index directly.
final class TermFrequencies {
    private let database: Database
    private let batched: Bool
    private var known: [String: Int] = [:]
    private var noted: Set<String> = []

    init(database: Database, batched: Bool) {
        self.database = database
        self.batched = batched
    }

    /// The number of items with `term` (0, for now, when noted for the next batch).
    func frequency(of term: String) throws(XapianError) -> Int {
        if let frequency = known[term] { return frequency }
        guard batched else {
            let frequency = try database.termFrequency(term)
            known[term] = frequency
            return frequency
        }
        noted.insert(term)
        return 0
    }

    /// Whether terms were noted: the build reading these frequencies will be done again.
    var awaitsFetch: Bool { !noted.isEmpty }

    /// Asks for every noted term at once; false when none was noted (the last build was exact).
    func fetchNoted() throws(XapianError) -> Bool {
        guard !noted.isEmpty else { return false }
        known.merge(try database.termFrequencies(of: Array(noted))) { _, new in new }
        noted = []
        return true
    }
}
