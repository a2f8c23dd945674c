import Foundation
import Hummingbird
import ReferatCore

/// The JSON API: `GET /api/search`, `GET /api/items/{id}` and `GET /healthz`.
struct APIController<Context: RequestContext>: Sendable {
    let pool: SearcherPool

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("api/search", use: search)
        routes.get("api/items/{id}", use: item)
        routes.get("api/items/{id}/similar", use: similar)
        routes.get("healthz", use: health)
        routes.get("openapi.json", use: openAPI)
        return routes
    }

    /// The same `SearchResponse` as `referat search --json`, with facets unless `facets=false`.
    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let parameters = try SearchParameters.decode(request, context: context)
        let search = try parameters.searchRequest(facets: try parameters.facetsAsked())
        let response = try pool.withSearcher { try $0.search(search) }
        return try JSONBody.response(response)
    }

    /// One agenda item in full: meeting metadata, title, sections and the whole text.
    @Sendable func item(_ request: Request, context: Context) async throws -> Response {
        let id = try ItemPath.id(from: context)
        guard let record = try pool.withSearcher({ try $0.item(id: id) }) else {
            throw ServerError.notFound("no item with id \(id)")
        }
        return try JSONBody.response(ItemResponse(record))
    }

    /// Items like this one, as `referat similar --json`.
    @Sendable func similar(_ request: Request, context: Context) async throws -> Response {
        let id = try ItemPath.id(from: context)
        let limit =
            try SearchParameters.integer(
                "limit", request.uri.queryParameters.get("limit"), in: 1...SearchRequest.maxLimit) ?? 10
        guard let response = try pool.withSearcher({ try $0.similar(to: id, limit: limit) }) else {
            throw ServerError.notFound("no item with id \(id)")
        }
        return try JSONBody.response(response)
    }

    /// The API's contract, as kept in the repository.
    @Sendable func openAPI(_ request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Resources.openAPI.get())))
    }

    /// Whether the index can be read, and what it holds.
    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        let status = try pool.withSearcher { try $0.status() }
        return try JSONBody.response(HealthResponse(documents: status.documents, revision: status.revision))
    }
}

/// The `{id}` of an item URL. Ids are only ever looked up as a Xapian term, never as a path.
enum ItemPath {
    /// Far longer than any id the indexer makes (a file path and a number).
    static let maxIDLength = 512

    static func id(from context: some RequestContext) throws(ServerError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else { throw .notFound("no item id") }
        guard id.count <= maxIDLength else { throw .notFound("no item with this id") }
        return id
    }
}

/// Files shipped with the server (SwiftPM resources, found beside the binary wherever it runs).
enum Resources {
    /// `openapi.json`, read once.
    static let openAPI = Result { () throws -> Data in
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        else { throw ServerError.internalError }
        return try Data(contentsOf: url)
    }
}
