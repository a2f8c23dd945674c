import Foundation

/// The heading level of each paragraph style in `word/styles.xml`: its outline level, or a
/// name like "heading 2" / "Overskrift 2" / "Title", or else the level of the style it is
/// based on.
struct WordStyles {
    private struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
    }

    private var styles: [String: Style] = [:]

    init() {}

    init(xml: Data, part: String) throws(DocumentTextError) {
        var current: (id: String, style: Style)?
        var found: [String: Style] = [:]
        try XMLEvents.walk(xml, part: part) { event in
            switch event {
            case .start("style", let attributes):
                current = attributes["styleId"].map { ($0, Style()) }
            case .start("name", let attributes): current?.style.name = attributes["val"]
            case .start("basedOn", let attributes): current?.style.basedOn = attributes["val"]
            case .start("outlineLvl", let attributes):
                current?.style.outlineLevel = attributes["val"].flatMap { Int($0) }
            case .end("style"):
                if let current { found[current.id] = current.style }
                current = nil
            default: break
            }
        }
        styles = found
    }

    /// 1…6 for a heading style, nil for any other (or an unknown id, judged by the id alone).
    func headingLevel(_ styleId: String) -> Int? {
        var id = styleId
        for _ in 0..<10 {  // basedOn chains are short; a cycle is broken here
            guard let style = styles[id] else { return Self.levelByName(id) }
            // Outline level 9 is body text.
            if let outline = style.outlineLevel { return outline < 9 ? min(outline + 1, 6) : nil }
            if let level = Self.levelByName(style.name ?? id) ?? Self.levelByName(id) { return level }
            guard let base = style.basedOn else { return nil }
            id = base
        }
        return nil
    }

    /// "heading 2", "Heading2", "Overskrift 2", "overskrift2" → 2; "Title", "Titel" → 1.
    static func levelByName(_ name: String) -> Int? {
        let key = name.lowercased().filter { !$0.isWhitespace }
        if key == "title" || key == "titel" { return 1 }
        for prefix in ["heading", "overskrift"] where key.hasPrefix(prefix) {
            if let level = Int(key.dropFirst(prefix.count)), (1...9).contains(level) { return min(level, 6) }
        }
        return nil
    }
}
