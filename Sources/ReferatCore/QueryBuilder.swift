import DanishText
import Minutes
import Xapian

/// Turns a `SearchRequest` into a Xapian query with Xapian's QueryParser, configured from
/// `IndexSchema` so that it asks for exactly the terms the indexer wrote.
final class QueryBuilder {
    /// Syntax a search box user may type: phrases, AND/OR/NOT, +/-, trailing wildcards,
    /// field prefixes and ranges; synonyms from the index's synonym table.
    static let flags: QueryParser.Flags = [
        .boolean, .phrase, .loveHate, .wildcard, .pureNot, .autoSynonyms, .autoMultiwordSynonyms,
    ]
    /// Words a wildcard expands to, the most frequent kept: enough for any prefix a user means,
    /// bounded for `a*`.
    static let maxWildcardExpansion = 200
    /// How much more an item with all the query's words weighs than one with some of them, so
    /// that multi-word queries list items with all the words first.
    static let allWordsBoost = 10.0

    /// Snowball's Danish stop list, plus the question words that open a question typed into
    /// the search box ("hvornår blev bemandingen drøftet"), so it ranks by its content words.
    /// Inside a quoted phrase they still count.
    static let stopWords = StopWords.danish.union([
        "hvornår", "hvordan", "hvorfor", "hvilke", "hvilken", "hvilket", "hvem",
    ])

    let stemmer: Stemmer
    private let parser: QueryParser

    init(database: Database) throws {
        stemmer = try Stemmer(language: IndexSchema.stemmerLanguage)
        parser = try QueryParser()
        try parser.setStemmer(stemmer, strategy: .some)
        try parser.setStopWords(Self.stopWords)
        try parser.setDatabase(database)
        try parser.setMaxWildcardExpansion(Self.maxWildcardExpansion, limit: .mostFrequent)
        // Plain words also match compound parts ("palliation" finds "palliationsområdet").
        let wordPrefixes = ["", IndexSchema.compoundPartPrefix]
        for prefix in wordPrefixes {
            try parser.addPrefix(field: "", prefix: prefix)
        }
        try parser.addFieldProcessor(UnweightedWildcards.field) { pattern in
            try UnweightedWildcards.query(
                matching: pattern, prefixes: wordPrefixes, maxExpansion: Self.maxWildcardExpansion)
        }
        for (field, prefix) in IndexSchema.booleanFields {
            try parser.addBooleanPrefix(field: field, prefix: prefix)
        }
        for (field, prefix) in IndexSchema.textFields {
            try parser.addPrefix(field: field, prefix: prefix)
        }
        for field in IndexSchema.dateFields {
            try parser.addDateRange(slot: IndexSchema.dateSlot, field: field + ":")
        }
    }

    /// The full query: the user's words (all-words matches first) narrowed by the filters.
    func query(for request: SearchRequest) throws -> Query {
        let text = request.query.trimmingCharacters(in: .whitespacesAndNewlines)
        var query: Query
        if text.isEmpty {
            query = try Query.matchAll()
        } else {
            query = try parse(text)
        }
        let filters = try filterQueries(for: request)
        if !filters.isEmpty {
            query = try Query(.filter, [query, try Query(.and, filters)])
        }
        return query
    }

    /// The query with misspelt words replaced from the index's spelling data, or nil when
    /// Xapian has no correction.
    func spellingCorrection(of text: String) throws -> String? {
        do {
            _ = try parser.parse(text, flags: Self.flags.union(.spellingCorrection))
        } catch where error.kind == .queryParser {
            return nil
        }
        return parser.correctedQuery
    }

    private func parse(_ typed: String) throws -> Query {
        let text = UnweightedWildcards.rewrite(typed)
        do {
            try parser.setDefaultOperator(.or)
            let anyWord = try parser.parse(text, flags: Self.flags)
            try parser.setDefaultOperator(.and)
            let allWords = try parser.parse(text, flags: Self.flags)
            if allWords.description == anyWord.description { return allWords }
            return try Query(.or, [try allWords.scaled(by: Self.allWordsBoost), anyWord])
        } catch where error.kind == .queryParser {
            throw ReferatError.badQuery(query: typed, reason: error.message)
        }
    }

    private func filterQueries(for request: SearchRequest) throws -> [Query] {
        var filters: [Query] = []
        if let cluster = request.cluster {
            filters.append(try Query(term: IndexSchema.clusterPrefix + IndexSchema.filterValue(cluster)))
        }
        if let forum = request.forum {
            filters.append(try Query(term: IndexSchema.forumPrefix + IndexSchema.filterValue(forum)))
        }
        if let year = request.year {
            filters.append(try Query(term: IndexSchema.yearPrefix + String(year)))
        }
        if request.from != nil || request.to != nil {
            filters.append(
                try Query(valueIn: IndexSchema.dateSlot, from: request.from?.compact, to: request.to?.compact))
        }
        return filters
    }
}
