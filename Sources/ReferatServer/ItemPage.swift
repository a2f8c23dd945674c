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

    struct Section {
        /// HTML, or nil for the item's untitled body.
        var heading: String?
        /// HTML paragraphs, escaped and marked.
        var paragraphs: [String]
    }

    init(record: ItemRecord, query: String) {
        let highlighter = Highlighter(query: query)
        title = "Punkt \(record.number): \(record.title) – Referat"
        form = SearchForm(query: query)
        backURL = HTML.url("/", [("q", query)])
        jsonURL = "/api/items/" + HTML.component(record.id)
        number = record.number
        titleHTML = highlighter.html(record.title)
        let meta = [record.meeting.cluster, record.meeting.region, record.meeting.forum].compactMap { $0 }
        self.meta = meta.isEmpty ? nil : meta.joined(separator: " · ")
        date = record.meeting.date.map { SearchPage.DateText(iso: $0, text: Danish.date($0)) }
        meetingTitle = record.meeting.title
        sections = record.sections.map { section in
            Section(
                heading: section.heading.map(highlighter.html),
                paragraphs: Self.paragraphs(section.text).map(highlighter.html))
        }
        file = record.file
        firstLine = record.firstLine
        lastLine = record.lastLine
    }

    /// Text split at blank lines; line breaks inside a paragraph are kept by the stylesheet.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
