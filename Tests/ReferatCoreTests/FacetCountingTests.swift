import Minutes
import ReferatTestSupport
import Testing
import Xapian

@testable import ReferatCore

/// Facets on one index are counted from its value table, the match read from posting lists
/// straight into bits (what only weighs left unread); over shards, by Xapian's matcher with its
/// own spy. Both must count every match of the ranked query exactly, for every shape of query
/// the builder makes: generated ones, and each operator, field and filter.
@Suite struct FacetCountingTests {
    static let requests: [SearchRequest] = [
        SearchRequest(query: "klynge"),
        SearchRequest(query: "mobil blodprøvetagning"),
        SearchRequest(query: "palliation akutplan sundhedsaftale"),
        SearchRequest(query: "(IPS AND psykiatri) OR palliation"),
        SearchRequest(query: "IPS OR KL"),
        SearchRequest(query: "IPS NOT psykiatri"),
        SearchRequest(query: "+IPS -covid"),
        SearchRequest(query: "-covid"),
        SearchRequest(query: "IPS XOR klynge"),
        SearchRequest(query: "IPS NEAR klynge"),
        SearchRequest(query: "\"den ældre medicinske patient\""),
        SearchRequest(query: "palli*"),
        SearchRequest(query: "sundheds* mobil"),
        SearchRequest(query: "titel:status"),
        SearchRequest(query: "klynge:nord"),
        SearchRequest(query: "dato:2022-01-01..2022-12-31 klynge"),
        SearchRequest(query: ""),
        SearchRequest(query: "", cluster: "Nord"),
        SearchRequest(query: "klynge", year: 2022),
        SearchRequest(query: "møde", from: MeetingDate(year: 2022, month: 1, day: 1)),
        SearchRequest(query: "klynge", section: .decision),
        SearchRequest(query: "SSU e-sundhed klyngemøde"),
    ]

    @Test func theTableCountsWhatTheMatcherCountsForEveryShapeOfQuery() throws {
        let database = try Database(path: SampleIndex.path)
        let builder = try QueryBuilder(database: database)
        let table = try ValueTable(database: database, slot: IndexSchema.facetSlot)
        var requests = Self.requests
        var fuzzer = QueryFuzzer(seed: 13)
        for index in 0..<QueryFuzzTests.count / 2 {
            requests.append(SearchRequest(query: fuzzer.nextQuery(), cluster: index % 4 == 0 ? "Nord" : nil))
        }
        var compared = 0
        var matched = 0
        for request in requests {
            guard let query = try? builder.query(for: request).query else { continue }
            let matcher: (values: [(value: String, count: Int)], matches: Int)
            switch Result(catching: { () throws(XapianError) in
                try database.valueCounts(slot: IndexSchema.facetSlot, matching: query)
            }) {
            case .success(let counted): matcher = counted
            case .failure(let error) where error.kind == .unimplemented: continue  // a wildcard inside NEAR
            case .failure(let error): throw error
            }
            let counted = try database.valueCounts(matching: query, from: table)
            let ranked = try Enquire(database: database)
            try ranked.setQuery(query)
            let every = try ranked.mset(first: 0, maxItems: 0, checkAtLeast: try database.documentCount)
            #expect(counted.matches == every.matchesEstimated, "\(request.query.debugDescription)")
            #expect(counted.matches == matcher.matches, "\(request.query.debugDescription)")
            #expect(
                counted.values.map { "\($0.value)=\($0.count)" } == matcher.values.map { "\($0.value)=\($0.count)" },
                "\(request.query.debugDescription)")
            compared += 1
            if counted.matches > 0 { matched += 1 }
        }
        #expect(compared > requests.count / 2 && matched > requests.count / 4)
    }
}
