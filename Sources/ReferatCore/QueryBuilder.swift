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
        parser.setStemmer(stemmer, strategy: .some)
        try parser.setStopWords(Self.stopWords)
        parser.setDatabase(database)
        parser.setMaxWildcardExpansion(Self.maxWildcardExpansion)
        // Plain words also match compound parts ("palliation" finds "palliationsområdet").
        let wordPrefixes = ["", IndexSchema.compoundPartPrefix]
        for prefix in wordPrefixes {
            try parser.addPrefix(field: "", prefix: prefix)
        }
        try parser.addUnweightedWildcardField(
            UnweightedWildcards.field, prefixes: wordPrefixes, maxExpansion: Self.maxWildcardExpansion)
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
            query = try parse(text, in: request.section)
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
        } catch  where error.kind == .queryParser {
            return nil
        }
        return parser.correctedQuery
    }

    /// The typed query; limited to a section, its words (those without a field) are looked
    /// for in that section's field, wildcards by Xapian's own (ranked) expansion.
    private func parse(_ typed: String, in section: SearchSection?) throws -> Query {
        let prefix = section.flatMap { IndexSchema.fieldPrefix(of: IndexSchema.sectionKind(of: $0)) } ?? ""
        let text = prefix.isEmpty ? UnweightedWildcards.rewrite(typed) : typed
        do {
            let query = try parse(text, defaultPrefix: prefix)
            guard !prefix.isEmpty else { return query }
            // The same words unprefixed and weightless change neither the match nor the ranking,
            // but they are what Xapian's snippets mark: snippets look for unprefixed terms only.
            return try Query(.andMaybe, [query, try parse(text, defaultPrefix: "").scaled(by: 0)])
        } catch {
            guard error.kind == .queryParser else { throw error }
            throw ReferatError.badQuery(query: typed, reason: error.message)
        }
    }

    /// Items with all the words first, then items with any of them.
    private func parse(_ text: String, defaultPrefix: String) throws(XapianError) -> Query {
        parser.setDefaultOperator(.or)
        let anyWord = try parser.parse(text, flags: Self.flags, defaultPrefix: defaultPrefix)
        parser.setDefaultOperator(.and)
        let allWords = try parser.parse(text, flags: Self.flags, defaultPrefix: defaultPrefix)
        if allWords.description == anyWord.description { return allWords }
        return try Query(.or, [try allWords.scaled(by: Self.allWordsBoost), anyWord])
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
        if let section = request.section {
            filters.append(
                try Query(term: IndexSchema.sectionKindPrefix + IndexSchema.sectionKind(of: section).rawValue))
        }
        if request.from != nil || request.to != nil {
            filters.append(
                try Query(valueIn: IndexSchema.dateSlot, from: request.from?.compact, to: request.to?.compact))
        }
        return filters
    }
}
