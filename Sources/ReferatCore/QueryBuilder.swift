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

    /// How much a compound's parts weigh beside the compound itself: `klyngemøde` also finds
    /// "møde i klyngen" and "sundhedsklyngemøder", after the items that say "klyngemøde".
    static let compoundPartsWeight = 0.5

    let stemmer: Stemmer
    private let parser: QueryParser
    private let database: Database
    /// Whether term frequencies are asked of remote shards (then in batches: `TermFrequencies`).
    private let remoteShards: Bool
    /// The frequencies of the query being built.
    private var frequencies: TermFrequencies

    init(database: Database, remoteShards: Bool = false) throws {
        stemmer = try Stemmer(language: IndexSchema.stemmerLanguage)
        self.database = database
        self.remoteShards = remoteShards
        frequencies = TermFrequencies(database: database, batched: remoteShards)
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
                matching: pattern, prefixes: wordPrefixes, maxExpansion: Self.maxWildcardExpansion, in: database)
        }
        for (field, prefix) in IndexSchema.booleanFields {
            try parser.addBooleanPrefix(field: field, prefix: prefix)
        }
        for (field, prefix) in IndexSchema.textFields {
            try parser.addPrefix(field: field, prefix: prefix)
            try parser.addFieldProcessor(RankedWildcards.fieldPrefix + field) { pattern in
                try RankedWildcards.query(
                    matching: pattern, prefix: prefix, maxExpansion: Self.maxWildcardExpansion, in: database)
            }
        }
        for field in IndexSchema.dateFields {
            // ISO dates (`dato:2022-01-01..2022-12-31`, either end open) as `DateRangeFilter`;
            // other spellings Xapian's date range reads.
            try parser.addDateRange(slot: IndexSchema.dateSlot, field: field + ":") { begin, end in
                let (lower, upper) = (MeetingDate(iso: begin), MeetingDate(iso: end))
                guard lower != nil || upper != nil, lower != nil || begin.isEmpty, upper != nil || end.isEmpty
                else { return nil }
                return try DateRangeFilter.query(from: lower, to: upper, in: database)
            }
        }
    }

    /// A search's query as built.
    struct Built {
        /// The user's words (all-words matches first) narrowed by the filters.
        var query: Query
        /// The typed text with each word the index lacks replaced by the spelling searched for it
        /// (`repairs`), nil when every word was searched as typed.
        var repaired: String?
        /// For a plain query of several words: its items with all the words, which rank first.
        var allWordsFirst: AllWordsFirst?
    }

    /// The full query. Over remote shards, built again until every term frequency it reads is
    /// known (`TermFrequencies`).
    func query(for request: SearchRequest) throws -> Built {
        frequencies = TermFrequencies(database: database, batched: remoteShards)
        while true {
            let built = try build(request)
            guard try frequencies.fetchNoted() else { return built }
        }
    }

    private func build(_ request: SearchRequest) throws -> Built {
        let text = request.query.trimmingCharacters(in: .whitespacesAndNewlines)
        var built =
            text.isEmpty
            ? Built(query: try Query.matchAll())
            : try parse(text, in: request.section, pageEnd: request.offset + request.limit)
        let filters = try filterQueries(for: request)
        if !filters.isEmpty {
            let filter = try Query(.and, filters)
            built.query = try Query(.filter, [built.query, filter])
            built.allWordsFirst = try built.allWordsFirst?.filtered(by: filter)
        }
        return built
    }

    /// The query with misspelt words replaced from the index's spelling data, or nil when
    /// Xapian has no correction. An acronym is never corrected: a word or acronym a letter or
    /// two away names something else (`KKR` is not "klar").
    func spellingCorrection(of text: String) throws(XapianError) -> String? {
        do {
            _ = try parser.parse(text, flags: Self.flags.union(.spellingCorrection))
        } catch  where error.kind == .queryParser {
            return nil
        }
        guard let corrected = parser.correctedQuery else { return nil }
        let typedWords = Tokenizer.tokenize(text)
        let correctedWords = Tokenizer.tokenize(corrected)
        for (typed, correctedWord) in zip(typedWords, correctedWords)
        where typed.isAcronym && typed.term != correctedWord.term {
            return nil
        }
        return corrected
    }

    /// The typed query. A plain query (words only) gets its Danish expansions word by word
    /// (`plainQuery`). Limited to a section, the words (those without a field) are looked for in
    /// that section's field as typed, wildcards ranked as Xapian's own (`RankedWildcards`).
    private func parse(_ typed: String, in section: SearchSection?, pageEnd: Int) throws -> Built {
        let prefix = section.flatMap { IndexSchema.fieldPrefix(of: IndexSchema.sectionKind(of: $0)) } ?? ""
        let plainWords = prefix.isEmpty ? PlainQuery.words(in: typed) : nil
        // The word list only when a plain query needs it: reading it is most of a one-off
        // search's time (`referat search`, `referat similar`, `referat stats` start cold).
        let danish = plainWords == nil ? nil : try DanishWordList.forQueries.get()
        let sectionField = IndexSchema.textFields.first { !prefix.isEmpty && $0.prefix == prefix }?.field
        do {
            if let plainWords, let danish, let plain = try plainQuery(plainWords, danish: danish, pageEnd: pageEnd) {
                return plain
            }
            let text = prefix.isEmpty ? UnweightedWildcards.rewrite(typed) : typed
            let query = try parse(RankedWildcards.rewrite(text, section: sectionField), defaultPrefix: prefix)
            guard !prefix.isEmpty else { return Built(query: query) }
            // The same words unprefixed and weightless change neither the match nor the ranking,
            // but they are what Xapian's snippets mark: snippets look for unprefixed terms only.
            return Built(query: try Query(.andMaybe, [query, try parse(text, defaultPrefix: "").scaled(by: 0)]))
        } catch {
            guard error.kind == .queryParser else { throw error }
            throw ReferatError.badQuery(query: typed, reason: error.message)
        }
    }

    /// Items with all the words first, then items with any of them.
    private func parse(_ text: String, defaultPrefix: String) throws(XapianError) -> Query {
        try parser.setDefaultOperator(.or)
        let anyWord = try parser.parse(text, flags: Self.flags, defaultPrefix: defaultPrefix)
        try parser.setDefaultOperator(.and)
        let allWords = try parser.parse(text, flags: Self.flags, defaultPrefix: defaultPrefix)
        if allWords.description == anyWord.description { return allWords }
        return try Query(.or, [try allWords.scaled(by: Self.allWordsBoost), anyWord])
    }

    /// Each word with its Danish expansions (`wordQuery`), items with every word first; nil
    /// when every word is a stop word (the parser then searches them as typed).
    private func plainQuery(_ words: [String], danish: DanishWords, pageEnd: Int) throws(XapianError) -> Built? {
        let content = words.filter { word in
            let tokens = Tokenizer.tokenize(word)
            return !tokens.isEmpty && !tokens.allSatisfy { Self.stopWords.contains($0.term) }
        }
        guard !content.isEmpty, !(try containsMultiwordSynonym(words)) else { return nil }
        var queries: [Query] = []
        var repairs: [String: String] = [:]
        for word in content {
            queries.append(try wordQuery(word, danish: danish, pageEnd: pageEnd, repair: &repairs[word]))
        }
        let repaired = repairs.isEmpty ? nil : words.map { repairs[$0] ?? $0 }.joined(separator: " ")
        guard queries.count > 1 else { return Built(query: queries[0], repaired: repaired) }
        let allWords = try Query(.and, queries)
        let anyWord = try Query(.or, queries)
        return Built(
            query: try Query(.or, [try allWords.scaled(by: Self.allWordsBoost), anyWord]), repaired: repaired,
            allWordsFirst: AllWordsFirst(
                allWords: try allWords.scaled(by: Self.allWordsBoost + 1), anyWord: anyWord))
    }

    /// Whether the words contain a several-word synonym of `synonymer.txt` ("den ældre
    /// medicinske patient"): the parser finds those in the whole text, not word by word.
    private func containsMultiwordSynonym(_ words: [String]) throws(XapianError) -> Bool {
        guard words.count > 1 else { return false }
        let text = " " + Tokenizer.tokenize(words.joined(separator: " ")).map(\.term).joined(separator: " ") + " "
        for key in try database.synonymKeys() where key.contains(" ") && text.contains(" \(key) ") {
            return true
        }
        return false
    }

    /// One typed word as the parser reads it, or else, when neither the index nor the word list
    /// knows it, as the spelling the index knows (`repairs`). A lowercase word also finds its
    /// derivational relatives (`derivedTerms`) as the same word and, when it is a compound that
    /// alone finds fewer items than the page up to `pageEnd` holds, the items with all its parts
    /// at `compoundPartsWeight` (parts of frequent words cost time and add nothing to the page;
    /// `partQueries`). A hyphenated word ("e-sundhed", "IV-behandling") also finds the word written joined
    /// ("eSundhed"), its parts anywhere, and its acronym alone. A word typed with a capital is a
    /// name ("Fuglesang", "SSU"): repaired, never derived or split, and found inside other words'
    /// compounds only when it alone finds less than the page (`ownTerm`); an acronym also finds
    /// the compounds whose parts it abbreviates, at `compoundPartsWeight`.
    private func wordQuery(_ typed: String, danish: DanishWords, pageEnd: Int, repair: inout String?)
        throws(XapianError) -> Query
    {
        let tokens = Tokenizer.tokenize(typed)
        let parsed = try parser.parse(typed, flags: Self.flags)
        guard tokens.count == 1, let token = tokens.first else {
            let joined = tokens.map(\.term).joined()
            // Only a hyphenated word has its joined form as a variant (not "2022-2023", "a/b").
            guard tokens.first?.variants.contains(joined) == true else { return parsed }
            var parts: [Query] = []
            for token in tokens { parts.append(try parser.parse(token.text, flags: Self.flags)) }
            var alternatives = [
                try Query(.synonym, [parsed, try parser.parse(joined, flags: Self.flags)]),
                try Query(.and, parts).scaled(by: Self.compoundPartsWeight),
            ]
            // An acronym is what its hyphenated compound is about: `IV-behandling` also finds
            // "IV-aftalen", "i forhold til IV".
            for (token, part) in zip(tokens, parts) where token.isAcronym {
                alternatives.append(try part.scaled(by: Self.compoundPartsWeight))
            }
            return try Query(.or, alternatives)
        }
        let isName = token.text.first?.isUppercase ?? false
        var alternatives = [try ownTerm(of: token.term, isName: isName, pageEnd: pageEnd) ?? parsed]
        if !(try isKnown(token.term)) {
            let repairs = try repairs(of: token.term, typed: typed, lexicon: danish.lexicon)
            repair = repairs.first?.spelling
            alternatives += repairs.map(\.query)
        }
        guard !isName else {
            let query = alternatives.count == 1 ? alternatives[0] : try Query(.synonym, alternatives)
            // An acronym also finds the compounds its letters abbreviate (`SSU` →
            // "Sundhedssamarbejdsudvalget"), after the items that write the acronym.
            let compounds = IndexSchema.compoundAcronymPrefix + token.term
            guard token.isAcronym, try frequencies.frequency(of: compounds) > 0 else { return query }
            return try Query(.or, [query, try Query(term: compounds).scaled(by: Self.compoundPartsWeight)])
        }
        let parts = danish.splitter.split(token.term)
        alternatives += try derivedTerms(of: token.term, parts: parts, derivations: danish.derivations)
        // Alone, a lowercase word keeps the parser's query, its compound-part term included even
        // when frequent: `klyngen` finds "klyngestyregruppen" (without it, dev2's recall@10 fell
        // from 0.981 to 0.975).
        let query = alternatives.count == 1 ? parsed : try Query(.synonym, alternatives)
        guard let parts, try itemCount(of: token.term) < pageEnd else { return query }
        let partQueries = try partQueries(parts, danish: danish)
        guard partQueries.count >= 2 else { return query }
        return try Query(.or, [query, try Query(.and, partQueries).scaled(by: Self.compoundPartsWeight)])
    }

    /// Each part with its relatives, as the index has them. A part no item has is split into
    /// its own parts ("rygsmerter" → ryg, smerter), and one that cannot be split is left out:
    /// the minutes name a topic by the compound's other parts (`lænderygsmerter` →
    /// "Lænderyg"). The caller wants two parts at least.
    private func partQueries(_ parts: [String], danish: DanishWords) throws(XapianError) -> [Query] {
        var queries: [Query] = []
        for part in parts {
            let derived = try derivedTerms(of: part, parts: nil, derivations: danish.derivations)
            if try itemCount(of: part) > 0 || !derived.isEmpty {
                queries.append(try Query(.synonym, [try parser.parse(part, flags: Self.flags)] + derived))
            } else if let smaller = danish.splitter.split(part) {
                queries += try partQueries(smaller, danish: danish)
            }
        }
        return queries
    }

    /// The word's own term (as the parser makes it: a name as typed, another word's stem) when
    /// the word alone finds at least the page up to `pageEnd`; else nil, and the parser's query
    /// also finds it inside compounds (the compound-part term, a synonym of the word). For a
    /// frequent name that part adds little to the page (`Nord` is not "Nordjylland") and its
    /// postings are among the longest of the query: `Driftsforum Psykiatri Nord` walked
    /// "XCnord" (96,896 of 179,695 items) beside "nord" (79,483) in all three words' AND.
    private func ownTerm(of term: String, isName: Bool, pageEnd: Int) throws(XapianError) -> Query? {
        let own = isName ? term : IndexSchema.stemPrefix + (try stemmer.stem(term))
        guard try frequencies.frequency(of: own) >= pageEnd else { return nil }
        return try Query(term: own)
    }

    /// About how many items have the word or an inflection, on its own or inside a compound.
    private func itemCount(of term: String) throws(XapianError) -> Int {
        let stem = try stemmer.stem(term)
        let onItsOwn = try frequencies.frequency(of: IndexSchema.stemPrefix + stem)
        return onItsOwn
            + (try frequencies.frequency(of: IndexSchema.stemPrefix + IndexSchema.compoundPartPrefix + stem))
    }

    /// Whether any item has the word, an inflection of it, or either as a compound part.
    private func isKnown(_ term: String) throws(XapianError) -> Bool {
        let stem = IndexSchema.stemPrefix + (try stemmer.stem(term))
        for candidate in [term, stem, IndexSchema.compoundPartPrefix + term]
        where try frequencies.frequency(of: candidate) > 0 {
            return true
        }
        return false
    }

    /// A word the index lacks, written without æ ø å (or with them for a name written "aa"), as
    /// the index spells it; else Xapian's spelling suggestion from the index's own words
    /// (`tilgænglighedsanalysen` → "tilgængelighedsanalysen", `Clemensen` → "clemmensen"). A word
    /// of the word list takes only a suggestion one letter longer or shorter, the doubled or
    /// missing letter of a misprint (`platform` → "plattform"): a changed letter makes another
    /// word (`tit` → "tid").
    private func repairs(of term: String, typed: String, lexicon: Lexicon) throws(XapianError) -> [(
        spelling: String, query: Query
    )] {
        var repairs: [(String, Query)] = []
        for variant in SpellingVariants.variants(of: term) where try isKnown(variant) {
            repairs.append((variant, try parser.parse(variant, flags: Self.flags)))
        }
        // A build that noted terms to fetch is built again: the costly correction waits for it.
        if repairs.isEmpty, !frequencies.awaitsFetch, let corrected = try spellingCorrection(of: typed),
            !lexicon.contains(term) || abs(corrected.count - term.count) == 1
        {
            repairs.append((corrected, try parser.parse(corrected, flags: Self.flags)))
        }
        return repairs
    }

    /// The stem terms (plain and as compound part) of the word's derivational relatives that
    /// the index has: `demografi` → "demografisk", `økonomiske` → "økonomi". A compound the word
    /// list lacks derives through its head: `ældrepsykiatri` → "ældrepsykiatrisk".
    private func derivedTerms(of term: String, parts: [String]?, derivations: Derivations) throws(XapianError)
        -> [Query]
    {
        let stem = try stemmer.stem(term)
        var relatives = derivations.relatives(of: term)
        if stem != term { relatives += derivations.relatives(of: stem) }
        if relatives.isEmpty, let head = parts?.last {
            let modifiers = term.dropLast(head.count)
            var headRelatives = derivations.relatives(of: head)
            let headStem = try stemmer.stem(head)
            if headStem != head { headRelatives += derivations.relatives(of: headStem) }
            relatives = headRelatives.map { modifiers + $0 }
        }
        var seen: Set<String> = [stem]
        var terms: [Query] = []
        for relative in relatives {
            let relativeStem = try stemmer.stem(relative)
            guard seen.insert(relativeStem).inserted else { continue }
            for prefix in ["", IndexSchema.compoundPartPrefix] {
                let candidate = IndexSchema.stemPrefix + prefix + relativeStem
                if try frequencies.frequency(of: candidate) > 0 { terms.append(try Query(term: candidate)) }
            }
        }
        return terms
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
            filters.append(try DateRangeFilter.query(from: request.from, to: request.to, in: database))
        }
        return filters
    }
}
