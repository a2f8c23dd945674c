import Foundation
import Xapian

/// Answers searches from one read-only handle on the index. Not thread-safe (Xapian handles
/// are not): one per thread or task, or take them from a `SearcherPool`.
public final class Searcher {
    public let databasePath: String
    /// Seconds a remote shard may take to connect or to answer one exchange.
    public let shardTimeout: Double
    /// Xapian's own default for both is 10 s; a search box's user waits less.
    public static let defaultShardTimeout = 5.0
    private var database: Database
    private var builder: QueryBuilder
    /// The shards, when `databasePath` is a stub that lists them (nil: one index).
    private var stub: ShardStub?
    /// Which stub `database` was opened through (the index's stub file, or the shard stub's
    /// `version`; nil: a plain index).
    private var opened: String?
    /// Set when a shard failed: the next search opens every shard afresh (new connections).
    private var mustReopen = false
    /// When `database` was opened.
    private var openedAt = Date()
    /// A remote shard's server keeps each connection on the database it opened, and reopen()
    /// follows that database's commits but not a `--rebuild`'s new generation: connections older
    /// than this are replaced, so a rebuilt remote shard is searched within this many seconds.
    static let remoteConnectionLifetime = 30.0
    /// How often a search is retried after the index changed under it.
    private static let modifiedRetries = 3

    /// What facet counting reuses, shared with the other searchers of a pool.
    private let facetCache: FacetCache

    /// A searcher of its own keeps the facet table of the index's state, but no counts: each
    /// search with facets counts them.
    public convenience init(databasePath: String, shardTimeout: Double = Searcher.defaultShardTimeout) throws {
        try self.init(databasePath: databasePath, shardTimeout: shardTimeout, facetCache: FacetCache(capacity: 0))
    }

    init(databasePath: String, shardTimeout: Double, facetCache: FacetCache) throws {
        self.databasePath = databasePath
        self.shardTimeout = shardTimeout
        self.facetCache = facetCache
        (database, stub, opened) = try Self.open(databasePath, shardTimeout: shardTimeout)
        builder = try QueryBuilder(database: database, remoteShards: stub?.hasRemoteShards == true)
    }

    /// The index at `path`: one database, or the shards a stub lists joined into one.
    private static func open(_ path: String, shardTimeout: Double) throws -> (Database, ShardStub?, String?) {
        if let stub = try ShardStub.at(path) {
            return (try stub.open(timeout: shardTimeout), stub, stub.version)
        }
        let stamp = IndexLocation.stubStamp(at: path)?.description
        do {
            return (try Database(path: path), nil, stamp)
        } catch {
            if IndexLocation(path: path).layout == .missing {
                throw ReferatError.indexMissing(path: path)
            }
            throw ReferatError.indexUnreadable(path: path, reason: error.message)
        }
    }

    /// Moves to the latest committed index. reopen() follows commits (and a replica's
    /// changesets) but not a `--rebuild` or a replica's new copy, which rename another stub
    /// over the old, nor a changed shard stub: then the index is opened afresh from its path,
    /// as it is after a shard failed and when remote connections have aged
    /// (`remoteConnectionLifetime`).
    private func refresh(force: Bool) throws {
        let current = stub?.version ?? IndexLocation.stubStamp(at: databasePath)?.description
        let aged = stub?.hasRemoteShards == true && -openedAt.timeIntervalSinceNow > Self.remoteConnectionLifetime
        guard force || mustReopen || aged || current != opened else {
            try database.reopen()
            return
        }
        mustReopen = true
        (database, stub, opened) = try Self.open(databasePath, shardTimeout: shardTimeout)
        builder = try QueryBuilder(database: database, remoteShards: stub?.hasRemoteShards == true)
        openedAt = Date()
        mustReopen = false
    }

    /// At most this many hits for the query as typed before a spelling suggestion is offered.
    /// Xapian 1.4 suggests a word even for a correctly spelt one on frequency ties, so a query
    /// that finds plenty gets no suggestion.
    static let suggestionThreshold = 2
    /// Up to this many matches, a search without facets counts its total exactly.
    static let exactTotal = 100
    /// Bytes of an item's text shown with each hit.
    static let snippetLength = 300

    public func search(_ request: SearchRequest) throws -> SearchResponse {
        try request.validate()
        return try readingLatest(query: request.query) {
            var response = try run(request)
            // A plain query searched its unknown words as the index spells them (QueryBuilder).
            guard response.suggestion == nil, response.totalEstimate <= Self.suggestionThreshold,
                let corrected = try builder.spellingCorrection(of: request.query),
                corrected.lowercased() != request.query.lowercased()
            else { return response }
            var suggested = request
            suggested.query = corrected
            let alternative = try run(suggested)
            guard alternative.totalEstimate > response.totalEstimate else { return response }
            if response.totalEstimate == 0 {
                // Nothing as typed: show what the suggestion finds, and say so.
                response = alternative
                response.query = request.query
                response.searchedSuggestion = true
            }
            response.suggestion = corrected
            return response
        }
    }

    /// The Xapian query a search runs (`Query.description`), to look into what it costs.
    public func queryDescription(for request: SearchRequest) throws -> String {
        try readingLatest(query: request.query) { try builder.query(for: request).query.description }
    }

    /// One stored item by its id, or nil.
    public func item(id: String) throws -> ItemRecord? {
        try readingLatest {
            guard let docid = try database.firstDocumentID(withTerm: IndexSchema.idPrefix + id) else { return nil }
            return try record(from: try database.document(docid))
        }
    }

    /// One stored item with the words `query` matches in it marked (as in the hits' snippets),
    /// or nil. A query that does not parse marks nothing.
    public func item(id: String, marking query: String) throws -> MarkedItem? {
        try readingLatest(query: query) {
            guard let docid = try database.firstDocumentID(withTerm: IndexSchema.idPrefix + id) else { return nil }
            let record = try record(from: try database.document(docid))
            let matching: Query
            do {
                matching = try builder.query(for: SearchRequest(query: query)).query
            } catch is ReferatError {
                return MarkedItem(record: record) { MarkedText(plain: $0) }
            }
            let enquire = try Enquire(database: database)
            try enquire.setQuery(try Query(.filter, [matching, try Query(term: IndexSchema.idPrefix + id)]))
            let mset = try enquire.mset(first: 0, maxItems: 1)
            return try MarkedItem(record: record) {
                try mset.marked($0, length: $0.utf8.count, stemmer: builder.stemmer)
            }
        }
    }

    /// The size of the index this searcher reads, and its revision (nil for shards: Xapian keeps
    /// one per database).
    public func status() throws -> (documents: Int, revision: UInt64?) {
        try readingLatest { (try database.documentCount, stub == nil ? try database.revision : nil) }
    }

    public func statistics() throws -> IndexStatistics {
        try readingLatest { try IndexStatistics(database: database) }
    }

    /// Runs `body` on the latest committed revision. A writer's commit can invalidate what a
    /// reader is reading (DatabaseModifiedError); Xapian's answer is reopen() and retry. A
    /// generation removed under an old handle fails to open: open afresh and retry.
    ///
    /// Some queries parse but cannot run ("OP_NEAR and OP_PHRASE only currently support leaf
    /// subqueries", for a wildcard inside NEAR): like a query that does not parse, `query` is
    /// then the user's to fix.
    private func readingLatest<T>(query: String? = nil, _ body: () throws -> T) throws -> T {
        var attempt = 0
        var reopenFromPath = false
        var reconnected = false
        while true {
            do {
                try refresh(force: reopenFromPath)
                return try body()
            } catch let error as XapianError
                where attempt < Self.modifiedRetries
                && [.databaseModified, .databaseOpening, .databaseNotFound].contains(error.kind)
            {
                attempt += 1
                reopenFromPath = reopenFromPath || error.kind != .databaseModified
            } catch let error as XapianError where error.kind == .network {
                // A broken connection is retried once on new ones (a shard's server restarted);
                // a shard that timed out is not waited for twice.
                mustReopen = true
                if !reconnected, error.type != "NetworkTimeoutError" {
                    reconnected = true
                    continue
                }
                let shard = stub?.shard(named: error)?.name ?? databasePath
                throw ReferatError.shardUnavailable(shard: shard, reason: error.message)
            } catch let error as XapianError {
                if error.kind == .unimplemented, let query {
                    throw ReferatError.unsupportedQuery(query: query, reason: error.message)
                }
                throw ReferatError.indexUnreadable(path: databasePath, reason: error.description)
            }
        }
    }

    private func run(_ request: SearchRequest) throws -> SearchResponse {
        let built = try builder.query(for: request)
        let (query, repaired) = (built.query, built.repaired)
        var counts: FacetCache.Counts?
        if request.facets {
            // Counts and the table are kept per index revision; Xapian has none for shards,
            // which count with its matcher every time.
            let key = FacetCache.Key(request)
            let state = stub == nil ? FacetCache.IndexState(stub: opened, revision: try database.revision) : nil
            counts = state.flatMap { facetCache.counts(for: key, on: $0) }
            if counts == nil {
                // A pass of its own over the whole match, unranked: the ranked pass below then
                // stops as soon as it has the page.
                let counted =
                    if let state {
                        try database.valueCounts(matching: query, from: try facetCache.table(of: database, on: state))
                    } else {
                        try database.valueCounts(slot: IndexSchema.facetSlot, matching: query)
                    }
                let fresh = FacetCache.Counts(facets: Self.facets(from: counted.values), matches: counted.matches)
                if let state { facetCache.store(fresh, for: key, on: state) }
                counts = fresh
            }
        }
        let (mset, total) = try page(of: built, for: request, matches: counts?.matches)
        let hits = try self.hits(of: mset, firstRank: request.offset + 1)
        return SearchResponse(
            query: request.query, totalEstimate: total, offset: request.offset,
            limit: request.limit, results: hits, suggestion: repaired, searchedSuggestion: repaired != nil,
            facets: counts?.facets)
    }

    /// The request's page of the match of `built`, and the number of matches: `matches` when
    /// the facets counted them, else Xapian's estimate, exact up to `exactTotal` matches (beyond
    /// the matches it looked at, the estimate depends on how the index is split into shards).
    private func page(of built: QueryBuilder.Built, for request: SearchRequest, matches: Int?) throws -> (
        MSet, total: Int
    ) {
        let query = built.query
        let enquire = try Self.enquire(on: database, order: request.sort)
        // Unsorted and asked for no items, Xapian sets up the match without walking it: the
        // greatest weight a match can have, and its estimate of the matches.
        let unsorted = try Enquire(database: database)
        try unsorted.setQuery(query)
        let setUp = try unsorted.mset(first: 0, maxItems: 0)
        if request.sort == .relevance, setUp.maxPossibleWeight > 0 {
            if let allWordsFirst = built.allWordsFirst,
                let mset = try allWordsFirst.page(
                    enquire: enquire, database: database, first: request.offset, maxItems: request.limit)
            {
                // The whole match was not walked: a match of at least `exactTotal` items has the
                // estimate the walk would give; a smaller one is counted, as the walk counts it.
                let total =
                    try matches
                    ?? (setUp.matchesLowerBound >= Self.exactTotal
                        ? setUp.matchesEstimated
                        : unsorted.mset(first: 0, maxItems: 0, checkAtLeast: Self.exactTotal).matchesEstimated)
                return (mset, total)
            }
            try enquire.setQuery(query)
            let mset = try enquire.mset(
                first: request.offset, maxItems: request.limit, checkAtLeast: matches == nil ? Self.exactTotal : 0)
            return (mset, matches ?? mset.matchesEstimated)
        }
        let total = try matches ?? unsorted.mset(first: 0, maxItems: 0, checkAtLeast: Self.exactTotal).matchesEstimated
        let mset = try NewestDaysFirst(database: database).mset(
            of: query, enquire: enquire, first: request.offset, maxItems: request.limit, estimate: total)
        return (mset, total)
    }

    /// The cluster, forum and year counts of the facet values' counts, most frequent first.
    private static func facets(from values: [(value: String, count: Int)]) -> SearchResponse.Facets {
        var cluster: [String: Int] = [:]
        var forum: [String: Int] = [:]
        var year: [String: Int] = [:]
        for (value, count) in values {
            let parts = IndexSchema.facetParts(of: value)
            if let name = parts.cluster { cluster[name, default: 0] += count }
            if let name = parts.forum { forum[name, default: 0] += count }
            if let name = parts.year { year[name, default: 0] += count }
        }
        func sorted(_ counts: [String: Int]) -> [SearchResponse.Facets.Count] {
            counts.map { SearchResponse.Facets.Count(value: $0.key, count: $0.value) }
                .sorted { ($1.count, $0.value) < ($0.count, $1.value) }
        }
        return SearchResponse.Facets(cluster: sorted(cluster), forum: sorted(forum), year: sorted(year))
    }

    /// An enquire that orders the match by `order`, equal weights by meeting
    /// (`IndexSchema.meetingOrderSlot`), not by document id: the same order from one index as from
    /// any split of it into shards. By date: newest meeting first, one meeting's items together,
    /// by relevance.
    static func enquire(on database: Database, order: SearchOrder) throws(XapianError) -> Enquire {
        let enquire = try Enquire(database: database)
        switch order {
        case .relevance: try enquire.sortByRelevanceThenValue(slot: IndexSchema.meetingOrderSlot, descending: true)
        case .date: try enquire.sortByValueThenRelevance(slot: IndexSchema.meetingOrderSlot, descending: true)
        }
        return enquire
    }

    /// The match set's items as hits, ranked from `firstRank`, each with its snippet.
    private func hits(of mset: MSet, firstRank: Int) throws -> [SearchResponse.Hit] {
        var hits: [SearchResponse.Hit] = []
        for index in 0..<mset.count {
            let (_, weight) = try mset.item(at: index)
            let record = try record(from: try mset.document(at: index))
            let snippet = try mset.marked(record.text, length: Self.snippetLength, stemmer: builder.stemmer)
            hits.append(
                SearchResponse.Hit(
                    rank: firstRank + index, score: (weight * 1000).rounded() / 1000, id: record.id,
                    file: record.file,
                    meeting: MeetingResponse(record.meeting),
                    item: .init(number: record.number, title: record.title), snippet: snippet))
        }
        return hits
    }

    /// Words that describe an item for `similar(to:)`.
    static let similarTermCount = 20

    /// Items about what item `id` is about, or nil when there is no such item: Xapian's
    /// relevance feedback (the item as the relevance set, `get_eset`) picks the words that set
    /// it apart, and their OR is searched. The item itself is left out; items of other
    /// meetings come first, then the rest of its own meeting.
    public func similar(to id: String, limit: Int = 10) throws -> SimilarResponse? {
        if !(1...SearchRequest.maxLimit).contains(limit) {
            throw ReferatError.badParameter(name: "limit", reason: "must be between 1 and \(SearchRequest.maxLimit)")
        }
        return try readingLatest {
            guard let docid = try database.firstDocumentID(withTerm: IndexSchema.idPrefix + id) else { return nil }
            let record = try record(from: try database.document(docid))
            let enquire = try Self.enquire(on: database, order: .relevance)
            // Asked for more than kept: stop words, numbers and abbreviations ("ca") are dropped,
            // and words of this item alone, which Xapian rates highest but can find no other.
            let candidates = try enquire.expansionTerms(of: [docid], maxTerms: Self.similarTermCount * 5)
                .filter { $0.count >= 3 && !QueryBuilder.stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
            let frequencies = try database.termFrequencies(of: candidates)
            let terms = candidates.filter { frequencies[$0, default: 0] > 1 }.prefix(Self.similarTermCount)
            guard !terms.isEmpty else { return SimilarResponse(id: id, terms: [], results: []) }
            let about = try Query(.or, terms.map { try Query(term: $0) })
            let itself = try Query(term: IndexSchema.idPrefix + id)
            let sameMeeting = try Query(term: IndexSchema.filePrefix + record.file)
            try enquire.setQuery(try Query(.andNot, [about, try Query(.or, [itself, sameMeeting])]))
            var results = try hits(of: try enquire.mset(first: 0, maxItems: limit), firstRank: 1)
            if results.count < limit {
                try enquire.setQuery(try Query(.andNot, [try Query(.filter, [about, sameMeeting]), itself]))
                results += try hits(
                    of: try enquire.mset(first: 0, maxItems: limit - results.count), firstRank: results.count + 1)
            }
            return SimilarResponse(id: id, terms: Array(terms), results: results)
        }
    }

    private func record(from document: Document) throws -> ItemRecord {
        try JSONDecoder().decode(ItemRecord.self, from: Data(try document.data().utf8))
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe: one Searcher per thread or task")
extension Searcher: Sendable {}
