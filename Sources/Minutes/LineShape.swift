/// How a raw line is marked up as a heading: markdown `#` marks and a bold wrapper around the
/// whole line (`**…**`, `__…__`, `<b>…</b>`, `<strong>…</strong>`). These marks are structural
/// signals for heading detection, so they are read here; inline markup inside the text (links,
/// other tags, emphasis on part of the line) is left for `Normalizer.cleanLine`.
struct LineShape: Sendable, Equatable {
    /// Number of leading `#` marks (1–6), nil for a line that is not a markdown heading.
    let headingLevel: Int?
    /// The whole line (after any `#` marks) is wrapped in bold.
    let isBold: Bool
    /// The line without its `#` marks and bold wrapper, trimmed.
    let inner: String

    /// A markdown heading or a wholly bold line: a heading by its markup, not just by its words.
    var isStructured: Bool { headingLevel != nil || isBold }

    private static let boldWrappers: [(open: String, close: String)] = [
        ("**", "**"), ("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>"),
    ]

    init(raw: String) {
        var text = raw.trimmedWhitespace
        // Only a line opening with "#", "*", "_" or "<" can carry these marks.
        guard let first = text.utf8.first,
            [UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "<")].contains(first)
        else {
            headingLevel = nil
            isBold = false
            inner = text
            return
        }
        var level: Int?
        let hashes = text.prefix { $0 == "#" }.count
        if (1...6).contains(hashes) {
            let rest = text.dropFirst(hashes)
            if rest.first.map(\.isWhitespace) ?? true {
                level = hashes
                text = rest.trimmedWhitespace
                // A closing run of `#` ("## Title ##") is markup too.
                let closing = text.reversed().prefix { $0 == "#" }.count
                if closing > 0, closing < text.count, text.dropLast(closing).last?.isWhitespace == true {
                    text = text.dropLast(closing).trimmedWhitespace
                }
            }
        }
        var bold = false
        while let unwrapped = Self.unwrapBold(text) {
            bold = true
            text = unwrapped
        }
        headingLevel = level
        isBold = bold
        inner = text
    }

    /// The text inside a bold wrapper that spans the whole of `text`, or nil.
    private static func unwrapBold(_ text: String) -> String? {
        for (open, close) in boldWrappers {
            guard let body = strip(text, open: open, close: close) else { continue }
            // `**a** and **b**` starts and ends with the marker but is not one bold span.
            guard !body.isEmpty, !body.contains(open), !body.lowercased().contains(close) else { continue }
            return body.trimmedWhitespace
        }
        return nil
    }

    private static func strip(_ text: String, open: String, close: String) -> String? {
        let head = text.prefix(open.count).lowercased()
        let tail = text.suffix(close.count).lowercased()
        guard text.count > open.count + close.count, head == open, tail == close else { return nil }
        return String(text.dropFirst(open.count).dropLast(close.count))
    }
}
