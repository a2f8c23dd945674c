import Foundation
import Hummingbird
import ReferatCore

/// `GET /feed.atom?q=…`: the newest items matching a search as an Atom feed (RFC 4287), so a
/// feed reader says when new minutes mention a topic. Ids are the items' stable ids; dates
/// are the meetings' dates, so re-indexing changes neither.
struct FeedController<Context: RequestContext>: Sendable {
    let pool: SearcherPool
    /// Entries per feed: a reader polls often, and keeps what it has seen.
    static var entryCount: Int { 30 }

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("feed.atom", use: feed)
        return routes
    }

    @Sendable func feed(_ request: Request, context: Context) async throws -> Response {
        let parameters = try SearchParameters.decode(request, context: context)
        var search = try parameters.searchRequest(defaultLimit: Self.entryCount, facets: false)
        search.sort = .date
        let response = try pool.withSearcher { try $0.search(search) }
        let feed = AtomFeed(response: response, parameters: parameters)
        return Response(
            status: .ok,
            headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: Templates.render(feed, "feed"))))
    }
}
