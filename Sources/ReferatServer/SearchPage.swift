import Foundation
import ReferatCore

/// What the search page template shows: the form, the hits, the facets and the pages. Absent
/// things are nil (Mustache renders an empty string as present), and every field is stored:
/// Mustache reads values by reflection, which does not see computed properties.
struct SearchPage {
    var title = "Referat – søg i mødereferater"
    var query: String
    var form: SearchForm
    var error: String?
    var searched = false
    var summary: String?
    var timing: String?
    var suggestion: Suggestion?
    var searchedSuggestion = false
    var filters: [Filter] = []
    var hasFilters = false
    var hits: [Hit] = []
    var hasHits = false
    var firstRank = 1
    var facetGroups: [FacetGroup] = []
    var hasFacets = false
    var pagination: Pagination?

    /// The parameters as given, to rebuild links: each link changes one thing.
    private var parameters: SearchParameters

    struct Suggestion {
        var text: String
        var url: String
    }

    struct Filter {
        var label: String
        var value: String
        var removeURL: String
    }

    struct Hit {
        var url: String
        var number: Int
        var title: String
        /// Cluster · forum, or nil.
        var meta: String?
        var date: DateText?
        /// HTML: the searcher's snippet escaped, `<mark>` around the matches.
        var snippet: String
        var source: String?
    }

    struct DateText {
        var iso: String
        var text: String
    }

    struct FacetGroup {
        var key: String
        var heading: String
        var values: [FacetValue]
    }

    struct FacetValue {
        var value: String
        var count: String
        var url: String
        var selected: Bool
    }

    struct Pagination {
        var previous: String?
        var next: String?
        var pages: [PageLink]
    }

    struct PageLink {
        var number: Int
        /// Nil for a gap ("…").
        var url: String?
        var current: Bool
    }

    init(parameters: SearchParameters) {
        self.parameters = parameters
        query = parameters.q ?? ""
        let hidden: [SearchForm.Field] = [
            ("cluster", parameters.cluster), ("forum", parameters.forum), ("year", parameters.year),
        ].compactMap { name, value in
            guard let value = Self.blankToNil(value) else { return nil }
            return SearchForm.Field(name: name, value: value)
        }
        form = SearchForm(
            query: query, hidden: hidden, from: Self.blankToNil(parameters.from), to: Self.blankToNil(parameters.to),
            sort: Self.blankToNil(parameters.sort).flatMap(SearchOrder.init(rawValue:)) ?? .relevance,
            section: Self.blankToNil(parameters.section).flatMap(SearchSection.init(rawValue:)))
        if !query.isEmpty { title = "\(query) – Referat" }
    }

    /// The page for a request that could not even be decoded.
    init(failure: ServerError) {
        self.init(parameters: SearchParameters())
        error = failure.danish
    }

    /// Whether the request asks for a search at all: a query or a filter. The bare front page
    /// shows the introduction instead of listing every item.
    func asksForSearch(_ request: SearchRequest) -> Bool {
        !request.query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || request.cluster != nil
            || request.forum != nil || request.year != nil || request.from != nil || request.to != nil
            || request.section != nil
    }

    mutating func show(_ response: SearchResponse, for request: SearchRequest, took duration: Duration) {
        searched = true
        timing = Danish.seconds(duration)
        let shownQuery = response.searchedSuggestion ? (response.suggestion ?? response.query) : response.query
        summary = Self.summary(response, shownQuery: shownQuery, request: request)
        if let suggestion = response.suggestion {
            self.suggestion = Suggestion(text: suggestion, url: link(query: suggestion))
            searchedSuggestion = response.searchedSuggestion
        }
        filters = [
            ("Klynge", "cluster", request.cluster), ("Forum", "forum", request.forum),
            ("År", "year", request.year.map(String.init)), ("Fra", "from", request.from?.iso),
            ("Til", "to", request.to?.iso), ("Kun", "section", request.section.map(Self.sectionName)),
        ].compactMap { label, name, value in
            guard let value else { return nil }
            return Filter(label: label, value: value, removeURL: link(replacing: name, with: nil))
        }
        firstRank = request.offset + 1
        hits = response.results.map { hit in
            let meta = [hit.meeting.cluster, hit.meeting.forum].compactMap { $0 }.joined(separator: " · ")
            return Hit(
                url: HTML.url("/items/" + HTML.component(hit.id), [("q", shownQuery)]),
                number: hit.item.number,
                title: hit.item.title,
                meta: meta.isEmpty ? nil : meta,
                date: hit.meeting.date.map { DateText(iso: $0, text: Danish.date($0)) },
                snippet: HTML.marked(hit.snippet),
                source: hit.meeting.title)
        }
        if let facets = response.facets {
            let groups: [(String, String, String?, [SearchResponse.Facets.Count])] = [
                ("cluster", "Klynge", request.cluster, facets.cluster),
                ("forum", "Forum", request.forum, facets.forum),
                // Years read best newest first.
                ("year", "År", request.year.map(String.init), facets.year.sorted { $0.value > $1.value }),
            ]
            facetGroups = groups.compactMap { key, heading, active, counts in
                guard !counts.isEmpty else { return nil }
                return FacetGroup(
                    key: key, heading: heading,
                    values: counts.map { count in
                        let selected = active.map { SearchRequest.sameFilterValue($0, count.value) } ?? false
                        return FacetValue(
                            value: count.value, count: Danish.number(count.count),
                            url: link(replacing: key, with: selected ? nil : count.value), selected: selected)
                    })
            }
        }
        hasFilters = !filters.isEmpty
        hasHits = !hits.isEmpty
        hasFacets = !facetGroups.isEmpty
        pagination = Self.pagination(total: response.totalEstimate, request: request) { offset in
            link(replacing: "offset", with: offset == 0 ? nil : String(offset))
        }
    }

    private static func summary(_ response: SearchResponse, shownQuery: String, request: SearchRequest) -> String {
        let total = response.totalEstimate
        if total == 0 {
            return shownQuery.isEmpty ? "Ingen resultater." : "Ingen resultater for »\(shownQuery)«."
        }
        if response.results.isEmpty {
            return "Ingen flere resultater: \(Danish.number(total)) i alt."
        }
        let noun = total == 1 ? "resultat" : "resultater"
        let range = "\(request.offset + 1)–\(request.offset + response.results.count)"
        return "\(Danish.number(total)) \(noun)"
            + (shownQuery.isEmpty ? "" : " for »\(shownQuery)«")
            + (total > response.results.count ? ", viser \(range)" : "")
    }

    private static func pagination(total: Int, request: SearchRequest, url: (Int) -> String) -> Pagination? {
        let size = request.limit
        let pageCount = min((total + size - 1) / size, (SearchParameters.maxOffset / size) + 1)
        guard pageCount > 1 else { return nil }
        let current = request.offset / size
        var numbers: [Int] = []
        for page in [0, current - 2, current - 1, current, current + 1, current + 2, pageCount - 1]
        where (0..<pageCount).contains(page) && !numbers.contains(page) {
            numbers.append(page)
        }
        numbers.sort()
        var pages: [PageLink] = []
        for (index, page) in numbers.enumerated() {
            if index > 0, page - numbers[index - 1] > 1 {
                pages.append(PageLink(number: 0, url: nil, current: false))
            }
            pages.append(PageLink(number: page + 1, url: url(page * size), current: page == current))
        }
        return Pagination(
            previous: current > 0 ? url((current - 1) * size) : nil,
            next: current + 1 < pageCount ? url((current + 1) * size) : nil,
            pages: pages)
    }

    // MARK: Links

    /// The current search with one parameter changed; any change but paging starts at page one.
    private func link(replacing name: String, with value: String?) -> String {
        var values: [(String, String?)] = [
            ("q", parameters.q), ("cluster", parameters.cluster), ("forum", parameters.forum),
            ("year", parameters.year), ("from", parameters.from), ("to", parameters.to),
            ("sort", parameters.sort), ("section", parameters.section), ("limit", parameters.limit),
            ("offset", nil),
        ]
        for index in values.indices where values[index].0 == name {
            values[index].1 = value
        }
        return HTML.url("/", values.map { ($0.0, Self.blankToNil($0.1)) })
    }

    /// The current search with another query.
    private func link(query: String) -> String {
        link(replacing: "q", with: query)
    }

    private static func sectionName(_ section: SearchSection) -> String {
        switch section {
        case .decision: "beslutninger"
        case .recommendation: "indstillinger"
        }
    }

    private static func blankToNil(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
