import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

@Suite struct APITests {
    @Test func healthReportsDocumentsAndRevision() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            let health = try response.json(HealthResponse.self)
            #expect(health.documents == 44)
            #expect(try #require(health.revision) >= 1)
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .head)
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
    }

    @Test func searchIsTheCLIResponseWithFacets() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: uri("/api/search", [("q", "IPS")]), method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let result = try response.json(SearchResponse.self)
            let direct = try Searcher(databasePath: SampleIndex.path)
                .search(SearchRequest(query: "IPS", facets: true))
            #expect(result == direct)
            #expect(!result.results.isEmpty)
            let facets = try #require(result.facets)
            #expect(Set(facets.cluster.map(\.value)).isSuperset(of: ["Nord", "Midt", "Syd"]))
            #expect(facets.cluster.map(\.count).reduce(0, +) == result.totalEstimate)
            #expect(!facets.forum.isEmpty && !facets.year.isEmpty)
            // Every key is present, absent values as null, as `referat search --json` writes them.
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(object.keys.contains("suggestion"))
        }
    }

    struct FilterCase: Sendable, CustomTestStringConvertible {
        var parameters: [(String, String)]
        var cluster: String?
        var datePrefix: String?
        var earliest: String?
        var testDescription: String { parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&") }

        func holds(for hit: SearchResponse.Hit) -> Bool {
            let date = hit.meeting.date ?? ""
            return (cluster.map { hit.meeting.cluster == $0 } ?? true)
                && (datePrefix.map { date.hasPrefix($0) } ?? true)
                && (earliest.map { date >= $0 } ?? true)
        }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(parameters: [("q", "IPS"), ("cluster", "Syd")], cluster: "Syd"),
        FilterCase(parameters: [("q", "IPS"), ("cluster", "syd")], cluster: "Syd"),
        FilterCase(parameters: [("q", "IPS"), ("year", "2022")], datePrefix: "2022"),
        FilterCase(parameters: [("q", "IPS"), ("from", "2023-01-01"), ("to", "2024-12-31")], earliest: "2023-01-01"),
        FilterCase(parameters: [("cluster", "Nord")], cluster: "Nord"),
    ]

    @Test(arguments: filterCases)
    func filtersNarrowTheResults(_ filter: FilterCase) async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(
                uri: uri("/api/search", filter.parameters + [("limit", "100")]), method: .get)
            #expect(response.status == .ok)
            let result = try response.json(SearchResponse.self)
            #expect(!result.results.isEmpty)
            #expect(result.results.allSatisfy { filter.holds(for: $0) })
        }
    }

    @Test func sortAndSectionAreTheCLIOptions() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(
                uri: uri("/api/search", [("q", "klynge"), ("sort", "date"), ("section", "decision")]), method: .get
            ).json(SearchResponse.self)
            let direct = try Searcher(databasePath: SampleIndex.path)
                .search(SearchRequest(query: "klynge", facets: true, sort: .date, section: .decision))
            #expect(response == direct)
            let dates = response.results.compactMap(\.meeting.date)
            #expect(dates.count > 1)
            #expect(dates == dates.sorted(by: >))
        }
    }

    @Test func facetsFalseLeavesOutTheCountsAndNothingElse() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(
                uri: uri("/api/search", [("q", "klynge"), ("facets", "false")]), method: .get)
            #expect(response.status == .ok)
            let result = try response.json(SearchResponse.self)
            #expect(result.facets == nil)
            let direct = try Searcher(databasePath: SampleIndex.path).search(SearchRequest(query: "klynge"))
            #expect(result.results == direct.results)
        }
    }

    @Test func limitAndOffsetPage() async throws {
        try await SampleIndex.app().test(.router) { client in
            let all = try await client.execute(
                uri: uri("/api/search", [("q", "klynge"), ("limit", "6")]), method: .get
            )
            .json(SearchResponse.self)
            let second = try await client.execute(
                uri: uri("/api/search", [("q", "klynge"), ("limit", "3"), ("offset", "3")]), method: .get
            ).json(SearchResponse.self)
            #expect(all.results.count == 6)
            #expect(second.results.map(\.id) == all.results.suffix(3).map(\.id))
            #expect(second.limit == 3 && second.offset == 3)
        }
    }

    /// Everything a user can type wrong is a 400 with a JSON message naming it, never a 500.
    @Test(
        arguments: [
            ([("q", "IPS"), ("limit", "0")], "limit"),
            ([("q", "IPS"), ("limit", "101")], "limit"),
            ([("q", "IPS"), ("limit", "ti")], "limit"),
            ([("q", "IPS"), ("limit", "99999999999999999999999")], "limit"),
            ([("q", "IPS"), ("offset", "-1")], "offset"),
            ([("q", "IPS"), ("offset", "1e3")], "offset"),
            ([("q", "IPS"), ("from", "2022-13-01")], "from"),
            ([("q", "IPS"), ("from", "1/2/2022")], "from"),
            ([("q", "IPS"), ("to", "2022-02-30")], "to"),
            ([("q", "IPS"), ("from", "2023-01-01"), ("to", "2022-01-01")], "from"),
            ([("q", "IPS"), ("year", "toogtyve")], "year"),
            ([("q", "IPS"), ("cluster", String(repeating: "x", count: 201))], "cluster"),
            ([("q", "IPS AND")], "parse"),
            ([("q", "IPS NOT")], "parse"),
            ([("q", "AND")], "parse"),
            ([("q", "Sø* ADJ x")], "cannot run"),
            ([("q", "IPS"), ("sort", "newest")], "sort"),
            ([("q", "IPS"), ("section", "beslutning")], "section"),
            ([("q", "IPS"), ("facets", "nej")], "facets"),
        ] as [([(String, String)], String)])
    func badParametersAre400(parameters: [(String, String)], named: String) async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: uri("/api/search", parameters), method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let message = try #require(response.errorMessage)
            #expect(message.contains(named))
        }
    }

    @Test func malformedQueryStringIs400() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/search?q=%ZZ", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.errorMessage != nil)
        }
    }

    @Test func tooLongQueryIs414() async throws {
        try await SampleIndex.app().test(.router) { client in
            let long = String(repeating: "palliation ", count: 100)
            #expect(long.count > SearchRequest.maxQueryLength)
            let response = try await client.execute(uri: uri("/api/search", [("q", long)]), method: .get)
            #expect(response.status == .uriTooLong)
            #expect(response.errorMessage?.contains("longer than") == true)
        }
    }

    @Test func itemIsTheWholeRecord() async throws {
        try await SampleIndex.app().test(.router) { client in
            let hit = try #require(
                try await client.execute(uri: uri("/api/search", [("q", "palliation")]), method: .get)
                    .json(SearchResponse.self).results.first)
            let response = try await client.execute(uri: "/api/items/" + HTML.component(hit.id), method: .get)
            #expect(response.status == .ok)
            let item = try response.json(ItemResponse.self)
            #expect(item.id == hit.id)
            #expect(item.title == hit.item.title)
            #expect(item.meeting.cluster == hit.meeting.cluster)
            #expect(!item.sections.isEmpty)
            #expect(item.text.localizedCaseInsensitiveContains("palliation"))
            #expect(response.text.contains("\"first_line\""))
        }
    }

    @Test func similarIsTheCLIResponse() async throws {
        try await SampleIndex.app().test(.router) { client in
            let id = "000_9285af0b1d2d00d2.txt-5"
            let response = try await client.execute(uri: "/api/items/\(id)/similar?limit=3", method: .get)
            #expect(response.status == .ok)
            let similar = try response.json(SimilarResponse.self)
            #expect(similar == (try Searcher(databasePath: SampleIndex.path).similar(to: id, limit: 3)))
            #expect(similar.results.count == 3)
            let bad = try await client.execute(uri: "/api/items/\(id)/similar?limit=0", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.errorMessage?.contains("limit") == true)
        }
    }

    @Test(arguments: [
        "/api/items/nope-1/similar",
        "/api/items/nope-1", "/api/items/..%2F..%2Fetc%2Fpasswd", "/api/items/" + String(repeating: "a", count: 600),
    ])
    func unknownItemIs404(path: String) async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(response.errorMessage != nil)
        }
    }

    @Test(arguments: ["/api/nothing", "/nothing", "/api/search/extra", "/etc/passwd", "/../index"])
    func unknownRouteIs404JSON(path: String) async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            #expect(response.errorMessage != nil)
        }
    }

    @Test func postIsNotAllowedButNot500() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/search?q=IPS", method: .post)
            #expect(response.status.code < 500)
        }
    }
}

/// The OpenAPI document describes what the server answers (schemathesis checks every response
/// against it in scripts/api-check.sh; these are the quick checks).
@Suite struct OpenAPITests {
    @Test func theDocumentCoversEveryRouteAndTheSearchKeys() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(
                Set(paths.keys) == [
                    "/", "/items/{id}", "/api/search", "/api/items/{id}", "/api/items/{id}/similar", "/feed.atom",
                    "/healthz", "/openapi.json", "/static/referat.css",
                ])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            func properties(_ name: String) throws -> Set<String> {
                let schema = try #require(schemas[name] as? [String: Any])
                return Set(try #require(schema["properties"] as? [String: Any]).keys)
            }
            let search = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try await client.execute(uri: "/api/search?q=IPS", method: .get).text.utf8))
                    as? [String: Any])
            #expect(Set(search.keys) == (try properties("SearchResponse")))
            let hit = try #require((search["results"] as? [[String: Any]])?.first)
            #expect(Set(hit.keys) == (try properties("Hit")))
            #expect(Set(try #require(hit["meeting"] as? [String: Any]).keys) == (try properties("Meeting")))
        }
    }
}
