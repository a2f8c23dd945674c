import ReferatCore

/// What the Atom template shows. RFC 4287 asks every feed and entry for an id (an IRI that
/// never changes), a title and an updated time; links here are relative to the feed's URL.
struct AtomFeed {
    /// The authority and date of this server's `tag:` ids (RFC 4151): fixed, so ids never change.
    static let tagAuthority = "tag:referat,2026:"

    var id: String
    var title: String
    var updated: String
    var selfURL: String
    var pageURL: String
    var entries: [Entry]

    struct Entry {
        var id: String
        var title: String
        var updated: String
        var url: String
        var summary: String
        var categories: [String]
    }

    /// Items without a meeting date are left out: an entry must say when it was updated, and
    /// the date is not invented.
    init(response: SearchResponse, parameters: SearchParameters) {
        let query = parameters.feedQuery
        selfURL = HTML.url("/feed.atom", query)
        pageURL = HTML.url("/", query + [("sort", "date")])
        id = Self.tagAuthority + selfURL
        title = Self.xml(response.query.isEmpty ? "Referat: nyeste punkter" : "Referat: \(response.query)")
        entries = response.results.compactMap { hit in
            guard let date = hit.meeting.date else { return nil }
            return Entry(
                id: Self.tagAuthority + "items/" + hit.id,
                title: Self.xml("Punkt \(hit.item.number): \(hit.item.title)"),
                updated: date + "T00:00:00Z",
                url: "/items/" + HTML.component(hit.id),
                summary: Self.xml(hit.snippet.text),
                categories: [hit.meeting.cluster, hit.meeting.forum].compactMap { $0.map(Self.xml) })
        }
        // The newest entry's date; a feed with none says the start of the epoch.
        updated = entries.map(\.updated).max() ?? "1970-01-01T00:00:00Z"
    }

    /// Text XML 1.0 can carry: control characters other than tab and line breaks removed.
    static func xml(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                    .filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
    }
}
