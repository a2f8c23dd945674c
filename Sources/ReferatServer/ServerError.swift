import Foundation
import Hummingbird
import ReferatCore

/// What the server answers when a request cannot be served: an HTTP status and a one-line
/// message, sent as `{"error": "…"}`. Every `ReferatError` is mapped to a status here and
/// nowhere else, so the API and the page always agree.
///
/// Statuses: 400 for a parameter or query the user can fix, 404 for an unknown item or route,
/// 414 for a query longer than `SearchRequest.maxQueryLength` (it travels in the URI), 503 when
/// the index or one of its shards cannot be read (the shard named), 500 for anything else (the message then says nothing internal).
public struct ServerError: HTTPResponseError, CustomStringConvertible, Equatable {
    public var status: HTTPResponse.Status
    /// Safe to show to whoever sent the request; English, like the CLI's messages.
    public var message: String
    /// The same for the Danish search page.
    public var danish: String

    public init(status: HTTPResponse.Status, message: String, danish: String) {
        self.status = status
        self.message = message
        self.danish = danish
    }

    public static func badParameter(_ name: String, _ reason: String) -> ServerError {
        ServerError(error: .badParameter(name: name, reason: reason))
    }

    public static func notFound(_ message: String) -> ServerError {
        ServerError(status: .notFound, message: message, danish: "Siden findes ikke.")
    }

    public static let queryTooLong = ServerError(
        status: .uriTooLong, message: "bad q: longer than \(SearchRequest.maxQueryLength) characters",
        danish: "Søgningen er for lang: højst \(SearchRequest.maxQueryLength) tegn.")

    public static let internalError = ServerError(
        status: .internalServerError, message: "internal server error",
        danish: "Der skete en fejl på serveren. Prøv igen om lidt.")

    /// The one mapping from domain errors to HTTP statuses.
    public init(error: ReferatError) {
        switch error {
        case .badQuery:
            self.init(
                status: .badRequest, message: error.description,
                danish: "Søgningen kunne ikke forstås. Tjek anførselstegn, parenteser og AND/OR/NOT.")
        case .unsupportedQuery:
            self.init(
                status: .badRequest, message: error.description,
                danish: "Søgningen kan ikke udføres, fx et jokertegn (*) inden for NEAR eller ADJ.")
        case .badParameter(let name, _):
            let label = Self.danishNames[name] ?? name
            self.init(
                status: .badRequest, message: error.description,
                danish: name == "query" || name == "q"
                    ? "Søgningen kunne ikke bruges: \(error.description)."
                    : "Ugyldig værdi for \(label).")
        case .shardUnavailable(let shard, _):
            // The shard's name tells the operator which server to look at; the reason goes to the log.
            self.init(
                status: .serviceUnavailable, message: "shard \(shard) is not available",
                danish: "En del af søgeindekset (\(shard)) svarer ikke lige nu. Prøv igen om lidt.")
        case .indexMissing, .indexUnreadable, .indexLocked, .badStub:
            // The path and Xapian's reason go to the log, not to the client.
            self.init(
                status: .serviceUnavailable, message: "the index is not available",
                danish: "Søgeindekset er ikke tilgængeligt lige nu. Prøv igen om lidt.")
        case .corpusMissing:
            self = .internalError
        default:
            // Set-up faults of the machine, not of the request (a missing word list, …): the
            // detail goes to the log.
            self = .internalError
        }
    }

    /// An error known only by its status (Hummingbird's own: unknown route, malformed query string).
    init(status: HTTPResponse.Status, message: String? = nil) {
        let danish =
            switch status.code {
            case 404: "Siden findes ikke."
            case 400: "Forespørgslen er ugyldig."
            case 413, 414, 431: "Forespørgslen er for stor."
            case 405: "Den metode understøttes ikke her."
            default: "Der skete en fejl på serveren. Prøv igen om lidt."
            }
        self.init(status: status, message: message ?? status.reasonPhrase.lowercased(), danish: danish)
    }

    private static let danishNames = [
        "limit": "antal", "offset": "side", "year": "år", "from": "fra-dato", "to": "til-dato",
        "cluster": "klynge", "forum": "forum", "sort": "sortering", "section": "afsnit",
    ]

    /// Any error thrown while answering a request, as what the client may see.
    public init(_ error: any Error) {
        switch error {
        case let error as ServerError:
            self = error
        case let error as ReferatError:
            self.init(error: error)
        case let error as HTTPError:
            // Hummingbird's own errors: unknown routes, undecodable query strings, bodies too big.
            self.init(status: error.status, message: error.body)
        case let error as any HTTPResponseError:
            self.init(status: error.status)
        default:
            self = .internalError
        }
    }

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONBody.response(ErrorResponse(error: message))
        response.status = status
        return response
    }
}

/// JSON responses written the way `referat search --json` writes them.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
