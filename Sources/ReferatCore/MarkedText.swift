import Xapian

/// Text with the stretches a search matched, as Xapian found them with the index's own stemmer
/// and tokeniser. Each front end marks them its own way (`<mark>` on the page, colour or «» in
/// a terminal); the JSON carries the segments: `[{"text": "…", "match": false}, …]`.
public struct MarkedText: Codable, Sendable, Equatable {
    public struct Segment: Codable, Sendable, Equatable {
        public var text: String
        /// Whether the search matched this stretch.
        public var match: Bool

        public init(text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    public var segments: [Segment]

    /// Empty segments are dropped and neighbours of the same kind joined, so equal texts with
    /// equal marks compare equal.
    public init(segments: [Segment]) {
        var joined: [Segment] = []
        for segment in segments where !segment.text.isEmpty {
            if let last = joined.last, last.match == segment.match {
                joined[joined.count - 1].text += segment.text
            } else {
                joined.append(segment)
            }
        }
        self.segments = joined
    }

    /// Text with nothing marked.
    public init(plain text: String) {
        self.init(segments: [Segment(text: text, match: false)])
    }

    /// The text without marks.
    public var text: String { segments.map(\.text).joined() }

    public init(from decoder: any Decoder) throws {
        self.init(segments: try decoder.singleValueContainer().decode([Segment].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(segments)
    }
}

extension MSet {
    /// Characters that cannot occur in stored text once `marked` removed them: Xapian's
    /// snippet puts them around what matched (Unicode private use, never in the minutes).
    private static let matchStart: Unicode.Scalar = "\u{E000}"
    private static let matchEnd: Unicode.Scalar = "\u{E001}"

    /// `text` (the whole of it when `length` is its size or more, else Xapian's best extract of
    /// about `length` bytes, cut ends shown as "…") with the words this match set's query
    /// matched. `stemmer` must be the one the query was parsed with.
    func marked(_ text: String, length: Int, stemmer: Stemmer) throws(XapianError) -> MarkedText {
        let clean = Self.withoutMarks(text)
        // No background model: it looks up the frequency of every word of the text, a quarter
        // of a search's time, for a marginally better extract.
        let snippet = try snippet(
            of: clean, length: length, stemmer: stemmer, flags: [.exhaustive],
            highlightStart: String(Self.matchStart), highlightEnd: String(Self.matchEnd))
        // Xapian escapes &, < and > for HTML; the segments are plain text. Split scalar by scalar:
        // splitting the String by a String searched for it as a substring, a tenth of the hits' time.
        var segments: [MarkedText.Segment] = []
        let pieces = snippet.unicodeScalars.split(separator: Self.matchStart, omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            var rest = Substring(piece)
            if index > 0 {
                let end = rest.unicodeScalars.firstIndex(of: Self.matchEnd)
                segments.append(.init(text: Self.unescape(end.map { rest[..<$0] } ?? rest), match: true))
                rest = end.map { rest[rest.unicodeScalars.index(after: $0)...] } ?? ""
            }
            segments.append(.init(text: Self.unescape(rest), match: false))
        }
        return MarkedText(segments: segments)
    }

    /// `text` without the two mark characters. Both begin with the byte 0xEE in UTF-8, which
    /// Danish text hardly ever has: a byte scan decides, as `replacing` over the whole of every
    /// hit's text took a fifth of a search.
    private static func withoutMarks(_ text: String) -> String {
        guard text.utf8.contains(0xEE) else { return text }
        let marks: Set = [matchStart, matchEnd]
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !marks.contains($0) })
        return String(scalars)
    }

    /// Undoes Xapian's escaping; `&amp;` last, so an escaped "&lt;" in the text stays "&lt;".
    private static func unescape(_ html: Substring) -> String {
        guard html.utf8.contains(UInt8(ascii: "&")) else { return String(html) }
        return String(html).replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
