import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

@Suite struct PageTests {
    @Test func frontPageIsADanishFormWithoutResults() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"da\">"))
            #expect(html.contains("<form class=\"search\" role=\"search\" action=\"/\" method=\"get\">"))
            #expect(html.contains("<label class=\"main\" for=\"q\">"))
            #expect(html.contains("<main id=\"indhold\""))
            #expect(!html.contains("<ol class=\"results\""))
            #expect(!html.contains("<script"))
            // Styles come from the stylesheet file, so the policy allows no inline style.
            #expect(!html.contains("<style") && !html.contains("style=\""))
            #expect(
                response.headers[.contentSecurityPolicy]
                    == "default-src 'none'; style-src 'self'; form-action 'self'")
            let css = try await client.execute(uri: "/static/referat.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains("mark {"))
        }
    }

    @Test func sortAndDecisionsAreKeptInTheFormAndTheLinks() async throws {
        try await SampleIndex.app().test(.router) { client in
            let html = try await client.execute(
                uri: uri("/", [("q", "klynge"), ("sort", "date"), ("section", "decision")]), method: .get
            ).text
            #expect(html.contains("<option value=\"date\" selected>"))
            #expect(html.contains("value=\"decision\" checked>"))
            // Facet links narrow the same search: newest first, decisions only.
            let facet = try #require(html.firstMatch(of: /href="(\/\?q=klynge[^"]*cluster=[^"]*)"/)?.1)
            #expect(facet.contains("sort=date") && facet.contains("section=decision"))
            let plain = try await client.execute(uri: uri("/", [("q", "klynge")]), method: .get).text
            #expect(plain.contains("<option value=\"relevance\" selected>"))
            #expect(!plain.contains(" checked>"))
        }
    }

    @Test func resultsHaveMetadataSnippetsFacetsAndLinks() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: uri("/", [("q", "palliation")]), method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<ol class=\"results\" start=\"1\">"))
            #expect(html.contains("<mark>"))
            #expect(html.contains("href=\"/items/"))
            #expect(html.contains("?q=palliation\">Punkt "))
            #expect(html.contains("<time datetime=\"20"))
            #expect(html.contains("<nav class=\"facets\""))
            #expect(html.contains("href=\"/?q=palliation&amp;cluster="))
            #expect(html.contains("<span class=\"count\">"))
            #expect(html.contains("resultater for »palliation«"))
            #expect(html.contains(" sek.</p>"))
        }
    }

    @Test func facetLinkNarrowsAndCanBeRemoved() async throws {
        try await SampleIndex.app().test(.router) { client in
            let html = try await client.execute(uri: uri("/", [("q", "IPS"), ("cluster", "Syd")]), method: .get).text
            #expect(html.contains("aria-current=\"true\""))
            #expect(html.contains("Klynge: Syd"))
            // The remove link drops the cluster and keeps the query.
            #expect(html.contains("<a href=\"/?q=IPS\">Klynge: Syd"))
            #expect(html.contains("<input type=\"hidden\" name=\"cluster\" value=\"Syd\">"))
            #expect(!html.contains(">Nord <span class=\"count\">"))
        }
    }

    @Test func pagingLinksMoveByTheLimit() async throws {
        try await SampleIndex.app().test(.router) { client in
            let html = try await client.execute(uri: uri("/", [("q", "klynge")]), method: .get).text
            #expect(html.contains("<nav class=\"pages\" aria-label=\"Sider\">"))
            #expect(html.contains("offset=10\" rel=\"next\""))
            let second = try await client.execute(uri: uri("/", [("q", "klynge"), ("offset", "10")]), method: .get).text
            #expect(second.contains("<ol class=\"results\" start=\"11\">"))
            #expect(second.contains("rel=\"prev\""))
        }
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)",
    ])
    func userTextIsEscaped(probe: String) async throws {
        try await SampleIndex.app().test(.router) { client in
            for parameter in ["q", "cluster", "forum"] {
                let response = try await client.execute(uri: uri("/", [(parameter, probe)]), method: .get)
                #expect(response.status == .ok)
                let html = response.text
                #expect(!html.contains(probe))
                #expect(!html.contains("<script"))
                #expect(!html.contains("<img"))
                #expect(html.contains(HTML.escape(probe)))
            }
        }
    }

    @Test func theScriptProbeShowsAsText() async throws {
        try await SampleIndex.app().test(.router) { client in
            let html = try await client.execute(uri: uri("/", [("q", "<script>alert(1)</script>")]), method: .get).text
            #expect(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
            #expect(html.contains("»&lt;script&gt;alert(1)&lt;/script&gt;«"))
        }
    }

    @Test(
        arguments: [
            ([("q", "IPS AND")], 400, "Søgningen kunne ikke forstås"),
            ([("q", "IPS"), ("limit", "0")], 400, "Ugyldig værdi for antal"),
            ([("q", "IPS"), ("from", "i går")], 400, "Ugyldig værdi for fra-dato"),
            ([("q", String(repeating: "a", count: 1_001))], 414, "Søgningen er for lang"),
        ] as [([(String, String)], Int, String)])
    func errorsShowOnThePageWithTheirStatus(parameters: [(String, String)], status: Int, message: String)
        async throws
    {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(uri: uri("/", parameters), method: .get)
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("role=\"alert\">\(message)"))
        }
    }

    @Test func itemPageShowsTheItemWithTheQueryMarked() async throws {
        try await SampleIndex.app().test(.router) { client in
            let hit = try #require(
                try await client.execute(uri: uri("/api/search", [("q", "palliation")]), method: .get)
                    .json(SearchResponse.self).results.first)
            let response = try await client.execute(
                uri: uri("/items/" + HTML.component(hit.id), [("q", "palliation")]), method: .get)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains(HTML.escape(hit.item.title)) || html.contains("<mark>"))
            #expect(html.range(of: "<mark>[Pp]alliation", options: .regularExpression) != nil)
            #expect(html.contains("<article class=\"item\""))
            #expect(html.contains("href=\"/?q=palliation\""))
            #expect(html.contains("value=\"palliation\""))
            // "Lignende punkter" links the items `similar` lists, in its order.
            let similar = try #require(try Searcher(databasePath: SampleIndex.path).similar(to: hit.id, limit: 5))
            #expect(html.contains("<h2 id=\"lignende-overskrift\">Lignende punkter</h2>"))
            let links = html.matches(of: /<li><a href="\/items\/([^"]+)">/).map { String($0.1) }
            #expect(links == similar.results.map { HTML.component($0.id) })
        }
    }

    @Test func unknownItemPageIs404() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/items/%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get, headers: [.accept: "text/html"])
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(!response.text.contains("<script>"))
            #expect(response.text.contains("Punktet findes ikke."))
        }
    }

    @Test func unknownPageForABrowserIsAnHTML404() async throws {
        try await SampleIndex.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/findes-ikke", method: .get, headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(response.status == .notFound)
            #expect(response.text.contains("Siden findes ikke."))
        }
    }
}

@Suite struct SuggestionTests {
    /// The searcher's suggestion, as the page shows it: "Mente du …?" linking to that search.
    @Test func suggestionLinksToTheSuggestedQuery() throws {
        let json = """
            {"query": "akutplam", "total_estimate": 0, "offset": 0, "limit": 10, "results": [],
             "suggestion": "akutplan", "searched_suggestion": false,
             "facets": {"cluster": [], "forum": [], "year": []}}
            """
        let response = try JSONDecoder().decode(SearchResponse.self, from: Data(json.utf8))
        var parameters = SearchParameters()
        parameters.q = "akutplam"
        parameters.cluster = "Nord"
        var page = SearchPage(parameters: parameters)
        page.show(response, for: try parameters.searchRequest(), took: .milliseconds(3))
        let html = Templates.render(page, "search")
        #expect(html.contains("Mente du <a href=\"/?q=akutplan&amp;cluster=Nord\">akutplan</a>?"))
        #expect(html.contains("Ingen resultater for »akutplam«."))
    }

    @Test func searchedSuggestionSaysSo() throws {
        let json = """
            {"query": "akutplam", "total_estimate": 0, "offset": 0, "limit": 10, "results": [],
             "suggestion": "akutplan", "searched_suggestion": true}
            """
        let response = try JSONDecoder().decode(SearchResponse.self, from: Data(json.utf8))
        var parameters = SearchParameters()
        parameters.q = "akutplam"
        var page = SearchPage(parameters: parameters)
        page.show(response, for: try parameters.searchRequest(), took: .milliseconds(3))
        let html = Templates.render(page, "search")
        #expect(
            html.contains(
                "Ingen resultater for »akutplam«. Viser resultater for »<a href=\"/?q=akutplan\">akutplan</a>«."))
    }
}
