import Foundation
import Hummingbird
import Minutes
import ReferatCore

/// The query string of `GET /api/search` and `GET /`, as sent. Every field is text so that a
/// malformed value becomes a 400 naming the parameter rather than a generic decoding error; an
/// empty field (as an HTML form sends it) counts as absent.
struct SearchParameters: Decodable, Sendable {
    var q: String?
    var cluster: String?
    var forum: String?
    var year: String?
    var from: String?
    var to: String?
    var limit: String?
    var offset: String?
    var sort: String?
    var section: String?
    /// `false`: no facet counts, for scripts that want only the hits (`facetsAsked`).
    var facets: String?

    /// What a feed of this search asks: the query and the filters (no order or paging: a feed
    /// is always the newest items).
    var feedQuery: [(String, String?)] {
        [
            ("q", q), ("cluster", cluster), ("forum", forum), ("year", year), ("from", from), ("to", to),
            ("section", section),
        ].map { ($0.0, $0.1?.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The longest cluster or forum name accepted; real ones are a few words.
    static let maxNameLength = 200
    /// Deeper pages than this are not served: nobody reads them, and Xapian would have to rank
    /// every match before them.
    static let maxOffset = 10_000

    /// The parameters of a request. A query string that is not even well-formed (`%ZZ`) is a
    /// 400 like any other bad parameter.
    static func decode(_ request: Request, context: some RequestContext) throws(ServerError) -> SearchParameters {
        do {
            return try request.uri.decodeQuery(as: SearchParameters.self, context: context)
        } catch let error as HTTPError {
            throw ServerError(error)
        } catch {
            throw ServerError(status: .badRequest, message: "malformed query string")
        }
    }

    /// The search this asks for, or the first thing wrong with it.
    func searchRequest(defaultLimit: Int = 10, facets: Bool = true) throws(ServerError) -> SearchRequest {
        let query = q ?? ""
        if query.count > SearchRequest.maxQueryLength { throw .queryTooLong }
        let request = SearchRequest(
            query: query,
            limit: try Self.integer("limit", limit, in: 1...SearchRequest.maxLimit) ?? defaultLimit,
            offset: try Self.integer("offset", offset, in: 0...Self.maxOffset) ?? 0,
            cluster: try Self.name("cluster", cluster),
            forum: try Self.name("forum", forum),
            year: try Self.integer("year", year, in: 1000...9999),
            from: try Self.date("from", from),
            to: try Self.date("to", to),
            facets: facets,
            sort: try Self.choice("sort", sort) ?? .relevance,
            section: try Self.choice("section", section))
        do {
            try request.validate()
        } catch {
            throw ServerError(error)
        }
        return request
    }

    /// Whether the API counts facets: unless the request says `facets=false`. (The page always
    /// shows them.)
    func facetsAsked() throws(ServerError) -> Bool {
        try Self.boolean("facets", facets) ?? true
    }

    /// The value, or nil when it is missing or blank.
    private static func present(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func integer(_ name: String, _ value: String?, in range: ClosedRange<Int>) throws(ServerError)
        -> Int?
    {
        guard let text = present(value) else { return nil }
        guard text.count <= 12, let number = Int(text) else {
            throw .badParameter(name, "must be a whole number between \(range.lowerBound) and \(range.upperBound)")
        }
        guard range.contains(number) else {
            throw .badParameter(name, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    private static func boolean(_ name: String, _ value: String?) throws(ServerError) -> Bool? {
        guard let text = present(value) else { return nil }
        guard let flag = Bool(text) else { throw .badParameter(name, "must be true or false") }
        return flag
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, _ value: String?)
        throws(ServerError) -> Choice? where Choice.RawValue == String
    {
        guard let text = present(value) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            throw .badParameter(name, "must be one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return choice
    }

    private static func name(_ name: String, _ value: String?) throws(ServerError) -> String? {
        guard let text = present(value) else { return nil }
        guard text.count <= maxNameLength else {
            throw .badParameter(name, "longer than \(maxNameLength) characters")
        }
        return text
    }

    private static func date(_ name: String, _ value: String?) throws(ServerError) -> MeetingDate? {
        guard let text = present(value) else { return nil }
        guard text.count <= 10, let date = MeetingDate(iso: text) else {
            throw .badParameter(name, "must be a date as YYYY-MM-DD")
        }
        return date
    }
}
