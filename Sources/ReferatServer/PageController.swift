import Hummingbird
import ReferatCore

/// The Danish search page (`GET /`) and the item page (`GET /items/{id}`), rendered from the
/// same `SearchResponse` as the API.
struct PageController<Context: RequestContext>: Sendable {
    let pool: SearcherPool
    /// Results per page.
    static var pageSize: Int { 10 }
    /// "Lignende punkter" under an item.
    static var similarCount: Int { 5 }

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/", use: search)
        routes.get("items/{id}", use: item)
        routes.get("static/referat.css", use: stylesheet)
        return routes
    }

    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let parameters: SearchParameters
        do {
            parameters = try SearchParameters.decode(request, context: context)
        } catch {
            let failure = ServerError(error)
            return HTMLBody.response(Templates.render(SearchPage(failure: failure), "search"), status: failure.status)
        }
        var page = SearchPage(parameters: parameters)
        do {
            let search = try parameters.searchRequest(defaultLimit: Self.pageSize, facets: true)
            // The front page without a query or filter shows the introduction, not every item.
            if !page.asksForSearch(search) {
                return HTMLBody.response(Templates.render(page, "search"))
            }
            let clock = ContinuousClock()
            let start = clock.now
            let response = try pool.withSearcher { try $0.search(search) }
            page.show(response, for: search, took: clock.now - start)
            return HTMLBody.response(Templates.render(page, "search"))
        } catch {
            let failure = ServerError(error)
            if failure.status.code >= 500 { context.logger.error("search failed: \(String(reflecting: error))") }
            page.error = failure.danish
            return HTMLBody.response(Templates.render(page, "search"), status: failure.status)
        }
    }

    @Sendable func stylesheet(_ request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(data: Templates.stylesheet)))
    }

    @Sendable func item(_ request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters.get("q").map { String($0.prefix(SearchRequest.maxQueryLength)) }
        let id = try ItemPath.id(from: context)
        let found = try pool.withSearcher { searcher in
            try searcher.item(id: id, marking: query ?? "").map {
                ($0, try searcher.similar(to: id, limit: Self.similarCount)?.results ?? [])
            }
        }
        guard let (item, similar) = found else {
            throw ServerError(status: .notFound, message: "no item with id \(id)", danish: "Punktet findes ikke.")
        }
        return HTMLBody.response(Templates.render(ItemPage(item: item, query: query ?? "", similar: similar), "item"))
    }
}

/// HTML responses.
enum HTMLBody {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                // The pages load their stylesheet and nothing else, and run no script.
                .contentSecurityPolicy: "default-src 'none'; style-src 'self'; form-action 'self'",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A whole page saying what went wrong, for errors outside the search page (unknown page,
    /// unknown item).
    static func errorPage(_ error: ServerError) -> Response {
        response(Templates.render(ErrorPage(error: error), "error"), status: error.status)
    }
}

/// The search form in the header; shared by every page.
struct SearchForm {
    var query: String
    var maxLength = SearchRequest.maxQueryLength
    /// Active filters, kept when the query is changed.
    var hidden: [Field] = []
    var from: String?
    var to: String?
    /// The date fields are shown open when one is set.
    var datesOpen: Bool
    /// Newest first rather than best first.
    var sortByDate: Bool
    /// Only decisions.
    var decisionsOnly: Bool
    /// The same search as JSON, for the footer.
    var apiURL: String
    /// The newest items of the same search as an Atom feed.
    var feedURL: String

    init(
        query: String, hidden: [Field] = [], from: String? = nil, to: String? = nil, sort: SearchOrder = .relevance,
        section: SearchSection? = nil
    ) {
        self.query = query
        self.hidden = hidden
        self.from = from
        self.to = to
        datesOpen = from != nil || to != nil
        sortByDate = sort == .date
        decisionsOnly = section == .decision
        apiURL = HTML.url(
            "/api/search",
            [("q", query)] + hidden.map { ($0.name, $0.value) } + [
                ("from", from), ("to", to), ("sort", sortByDate ? sort.rawValue : nil),
                ("section", section?.rawValue),
            ])
        feedURL = HTML.url(
            "/feed.atom",
            [("q", query)] + hidden.map { ($0.name, $0.value) } + [
                ("from", from), ("to", to), ("section", section?.rawValue),
            ])
    }

    struct Field {
        var name: String
        var value: String
    }
}

struct ErrorPage {
    var title: String
    var heading: String
    var message: String
    var form = SearchForm(query: "")

    init(error: ServerError) {
        heading = error.status.code == 404 ? "Ikke fundet" : "Fejl"
        message = error.danish
        title = "\(heading) – Referat"
    }
}
