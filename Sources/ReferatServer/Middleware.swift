import Hummingbird
import Logging

/// One log line per request: method, path and query, status and time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status, since: start, clock: clock, context: context)
            return response
        } catch {
            log(request, status: ServerError(error).status, since: start, clock: clock, context: context)
            throw error
        }
    }

    private func log(
        _ request: Request, status: HTTPResponse.Status, since start: ContinuousClock.Instant,
        clock: ContinuousClock, context: Context
    ) {
        let elapsed = clock.now - start
        let milliseconds =
            Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15
        let rounded = (milliseconds * 10).rounded() / 10
        context.logger.info(
            "\(Self.line(method: "\(request.method)", uri: "\(request.uri)", status: Int(status.code), milliseconds: rounded))"
        )
    }

    /// Longer URIs are cut in the log: a query may be 1,000 characters, percent-encoded three
    /// times as long, and a log line should stay a line.
    static var maxURILength: Int { 300 }

    static func line(method: String, uri: String, status: Int, milliseconds: Double) -> String {
        let shown = uri.count > maxURILength ? uri.prefix(maxURILength) + "…" : Substring(uri)
        return "\(method) \(shown) \(status) \(milliseconds) ms"
    }
}

/// Turns every error into the response a client may see: JSON `{"error": …}` for the API, an
/// HTML page for the pages. Errors that are the server's fault are logged with their detail and
/// answered with a message that leaks nothing.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let failure = ServerError(error)
            if failure.status.code >= 500 {
                context.logger.error("\(request.method) \(request.uri) failed: \(String(reflecting: error))")
            }
            if Self.wantsHTML(request) { return HTMLBody.errorPage(failure) }
            return try failure.response(from: request, context: context)
        }
    }

    /// Pages get HTML errors; the API, the health check and clients that do not ask for HTML get JSON.
    static func wantsHTML(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/api" || path == "/healthz" { return false }
        return request.headers[.accept]?.contains("text/html") ?? false
    }
}
