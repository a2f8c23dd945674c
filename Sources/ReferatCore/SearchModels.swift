import Minutes

/// The order of a search's results.
public enum SearchOrder: String, Sendable, Equatable, CaseIterable {
    /// Best match first.
    case relevance
    /// Newest meeting first, ties by relevance; items of meetings without a date last.
    case date
}

/// A part of an agenda item a search can be limited to.
public enum SearchSection: String, Sendable, Equatable, CaseIterable {
    /// The decision ("Beslutning", "Referat", "Konklusion").
    case decision
    /// The recommendation ("Indstilling", "Det indstilles").
    case recommendation
}

/// A search as a user or a script asks it.
public struct SearchRequest: Sendable, Hashable {
    public static let maxQueryLength = 1_000
    public static let maxLimit = 100

    public var query: String
    public var limit: Int
    public var offset: Int
    public var cluster: String?
    public var forum: String?
    public var year: Int?
    public var from: MeetingDate?
    public var to: MeetingDate?
    /// Count clusters, forums and years over the whole match (costs a full pass).
    public var facets: Bool
    public var sort: SearchOrder
    /// Only items with this section, the query's words found in it.
    public var section: SearchSection?

    public init(
        query: String, limit: Int = 10, offset: Int = 0, cluster: String? = nil, forum: String? = nil,
        year: Int? = nil, from: MeetingDate? = nil, to: MeetingDate? = nil, facets: Bool = false,
        sort: SearchOrder = .relevance, section: SearchSection? = nil
    ) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.cluster = cluster
        self.forum = forum
        self.year = year
        self.from = from
        self.to = to
        self.facets = facets
        self.sort = sort
        self.section = section
    }

    /// Whether two cluster or forum values filter the same items, as the index compares them
    /// (case and spacing do not matter: `klynge:nord` is cluster "Nord").
    public static func sameFilterValue(_ a: String, _ b: String) -> Bool {
        IndexSchema.filterValue(a) == IndexSchema.filterValue(b)
    }

    /// Rejects what no search can answer, naming the parameter.
    public func validate() throws {
        if query.count > Self.maxQueryLength {
            throw ReferatError.badParameter(name: "query", reason: "longer than \(Self.maxQueryLength) characters")
        }
        if !(1...Self.maxLimit).contains(limit) {
            throw ReferatError.badParameter(name: "limit", reason: "must be between 1 and \(Self.maxLimit)")
        }
        if offset < 0 {
            throw ReferatError.badParameter(name: "offset", reason: "must not be negative")
        }
        if let from, let to, from > to {
            throw ReferatError.badParameter(name: "from", reason: "\(from) is after to \(to)")
        }
    }
}

// The JSON of the API and of `referat search --json`, `referat similar --json`: the types here
// are the wire format that `openapi.json` (ReferatServer's resources) describes. They are built
// from, and kept apart from, the record stored in the index (`ItemRecord`), so a storage change
// is not an API change.

/// A meeting: what its minutes state, and null for what they do not.
public struct MeetingResponse: Codable, Sendable, Equatable {
    public var cluster: String?
    public var region: String?
    public var forum: String?
    /// The region or municipality publishing the minutes.
    public var organisation: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    public var title: String?

    /// A parsed meeting's metadata, as `referat parse` prints it.
    public init(_ meeting: Meeting) {
        self.init(ItemRecord.MeetingInfo(meeting))
    }

    init(_ stored: ItemRecord.MeetingInfo) {
        cluster = stored.cluster
        region = stored.region
        forum = stored.forum
        organisation = stored.organisation
        date = stored.date
        title = stored.title
    }

    /// Absent metadata is an explicit null, so scripts can rely on every key being there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cluster, forKey: .cluster)
        try container.encode(region, forKey: .region)
        try container.encode(forum, forKey: .forum)
        try container.encode(organisation, forKey: .organisation)
        try container.encode(date, forKey: .date)
        try container.encode(title, forKey: .title)
    }
}

/// `GET /api/items/{id}`: one item in full, its sections and its whole text.
public struct ItemResponse: Codable, Sendable, Equatable {
    public struct Section: Codable, Sendable, Equatable {
        /// `body`, `sagsfremstilling`, `indstilling` or `beslutning`.
        public var kind: String
        /// The heading as written; null for the untitled body.
        public var heading: String?
        public var text: String

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(heading, forKey: .heading)
            try container.encode(text, forKey: .text)
        }
    }

    public var id: String
    public var file: String
    public var meeting: MeetingResponse
    public var number: Int
    public var title: String
    public var firstLine: Int
    public var lastLine: Int
    public var sections: [Section]
    public var text: String

    public init(_ record: ItemRecord) {
        id = record.id
        file = record.file
        meeting = MeetingResponse(record.meeting)
        number = record.number
        title = record.title
        firstLine = record.firstLine
        lastLine = record.lastLine
        sections = record.sections.map { Section(kind: $0.kind, heading: $0.heading, text: $0.text) }
        text = record.text
    }

    enum CodingKeys: String, CodingKey {
        case id, file, meeting, number, title
        case firstLine = "first_line"
        case lastLine = "last_line"
        case sections, text
    }
}

/// `GET /healthz`: the index can be read, and what it holds.
public struct HealthResponse: Codable, Sendable, Equatable {
    public var documents: Int
    /// The committed revision read; null for an index of shards, each of which has its own.
    public var revision: UInt64?

    public init(documents: Int, revision: UInt64?) {
        self.documents = documents
        self.revision = revision
    }

    private enum CodingKeys: String, CodingKey { case documents, revision }

    /// Every key written, `revision` as null when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documents, forKey: .documents)
        try container.encode(revision, forKey: .revision)
    }
}

/// Every error answer of the API: one line saying what was wrong.
public struct ErrorResponse: Codable, Sendable, Equatable {
    public var error: String

    public init(error: String) {
        self.error = error
    }
}

/// The answer to a search; its JSON form is the stable output of `referat search --json` and
/// `GET /api/search` (documented in the README).
public struct SearchResponse: Codable, Sendable, Equatable {
    public struct Hit: Codable, Sendable, Equatable {
        public struct Item: Codable, Sendable, Equatable {
            public var number: Int
            public var title: String
        }

        public var rank: Int
        public var score: Double
        public var id: String
        public var file: String
        public var meeting: MeetingResponse
        public var item: Item
        /// The best extract of the item's text, what matched marked.
        public var snippet: MarkedText
    }

    /// Document counts per value over the whole match.
    public struct Facets: Codable, Sendable, Equatable {
        public struct Count: Codable, Sendable, Equatable {
            public var value: String
            public var count: Int
        }

        public var cluster: [Count]
        public var forum: [Count]
        public var year: [Count]
    }

    public var query: String
    public var totalEstimate: Int
    public var offset: Int
    public var limit: Int
    public var results: [Hit]
    /// A better spelled query, when the index's spelling data has one.
    public var suggestion: String?
    /// Set when the query as typed found nothing and the suggestion was searched instead.
    public var searchedSuggestion: Bool
    public var facets: Facets?

    enum CodingKeys: String, CodingKey {
        case query
        case totalEstimate = "total_estimate"
        case offset, limit, results, suggestion
        case searchedSuggestion = "searched_suggestion"
        case facets
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(totalEstimate, forKey: .totalEstimate)
        try container.encode(offset, forKey: .offset)
        try container.encode(limit, forKey: .limit)
        try container.encode(results, forKey: .results)
        // Absent metadata is an explicit null, so scripts can rely on every key being there.
        try container.encode(suggestion, forKey: .suggestion)
        try container.encode(searchedSuggestion, forKey: .searchedSuggestion)
        try container.encodeIfPresent(facets, forKey: .facets)
    }
}

/// Items like one item (`referat similar`, `GET /api/items/{id}/similar`).
public struct SimilarResponse: Codable, Sendable, Equatable {
    /// The item the others are like.
    public var id: String
    /// The words that describe it, best first; the hits' snippets mark them.
    public var terms: [String]
    /// Other meetings' items first, ranked by those words.
    public var results: [SearchResponse.Hit]
}

/// An agenda item with the words a query matched marked in its title, headings and text.
public struct MarkedItem: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var kind: String
        public var heading: MarkedText?
        public var text: MarkedText
    }

    public var record: ItemRecord
    public var title: MarkedText
    public var sections: [Section]

    init(record: ItemRecord, marking mark: (String) throws -> MarkedText) rethrows {
        self.record = record
        title = try mark(record.title)
        sections = try record.sections.map {
            Section(kind: $0.kind, heading: try $0.heading.map(mark), text: try mark($0.text))
        }
    }
}
