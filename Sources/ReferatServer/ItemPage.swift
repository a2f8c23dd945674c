import ReferatCore

/// What the item page template shows: one agenda item in full, the query's words marked.
struct ItemPage {
    var title: String
    var form: SearchForm
    var backURL: String
    var jsonURL: String
    var number: Int
    /// HTML: escaped, query words marked.
    var titleHTML: String
    var meta: String?
    var date: SearchPage.DateText?
    var meetingTitle: String?
    var sections: [Section]
    var file: String
    var firstLine: Int
    var lastLine: Int
    /// "Lignende punkter": links to items like this one.
    var similar: [SimilarItem]
    var hasSimilar: Bool

    struct SimilarItem {
        var url: String
        var title: String
        var meta: String
    }

    struct Section {
        /// HTML, or nil for the item's untitled body.
        var heading: String?
        /// HTML paragraphs, escaped and marked.
        var paragraphs: [String]
    }

    init(item: MarkedItem, query: String, similar: [SearchResponse.Hit]) {
        let record = item.record
        title = "Punkt \(record.number): \(record.title) – Referat"
        form = SearchForm(query: query)
        backURL = HTML.url("/", [("q", query)])
        jsonURL = "/api/items/" + HTML.component(record.id)
        number = record.number
        titleHTML = HTML.marked(item.title)
        let meta = [record.meeting.cluster, record.meeting.region, record.meeting.forum].compactMap { $0 }
        self.meta = meta.isEmpty ? nil : meta.joined(separator: " · ")
        date = record.meeting.date.map { SearchPage.DateText(iso: $0, text: Danish.date($0)) }
        meetingTitle = record.meeting.title
        sections = item.sections.map { section in
            Section(
                heading: section.heading.map(HTML.marked),
                paragraphs: Self.paragraphs(section.text).map(HTML.marked))
        }
        file = record.file
        firstLine = record.firstLine
        lastLine = record.lastLine
        self.similar = similar.map { hit in
            SimilarItem(
                url: "/items/" + HTML.component(hit.id), title: "Punkt \(hit.item.number): \(hit.item.title)",
                meta: [hit.meeting.cluster, hit.meeting.forum, hit.meeting.date.map(Danish.date)].compactMap { $0 }
                    .joined(separator: " · "))
        }
        hasSimilar = !similar.isEmpty
    }

    /// Text split at blank lines; line breaks inside a paragraph are kept by the stylesheet.
    static func paragraphs(_ text: MarkedText) -> [MarkedText] {
        // The segments of each line, then lines grouped between blank ones.
        var lines: [[MarkedText.Segment]] = [[]]
        for segment in text.segments {
            for (index, piece) in segment.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { lines.append([]) }
                lines[lines.count - 1].append(.init(text: String(piece), match: segment.match))
            }
        }
        var paragraphs: [MarkedText] = []
        var current: [MarkedText.Segment] = []
        for line in lines {
            if line.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) {
                if !current.isEmpty { paragraphs.append(MarkedText(segments: current)) }
                current = []
            } else {
                if !current.isEmpty { current.append(.init(text: "\n", match: false)) }
                current += line
            }
        }
        if !current.isEmpty { paragraphs.append(MarkedText(segments: current)) }
        return paragraphs
    }
}
