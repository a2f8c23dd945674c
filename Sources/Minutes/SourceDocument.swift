import DanishText

/// One physical line of a referat file.
struct SourceLine: Sendable {
    /// 1-based, counted the way the gold data counts: every `\n` (or `\r\n`) ends a line.
    let number: Int
    let raw: String
    /// The line's structural marks (markdown heading, whole-line bold) read once.
    let shape: LineShape
    /// The text as a label: without markup, lower case, no trailing colon or dot ("bilag").
    let labelKey: String

    /// Empty or whitespace only (PDF exports leave lines of a single space).
    let isBlank: Bool

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        self.shape = LineShape(raw: raw)
        let inner = shape.inner
        let marked = inner.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
        var key = (marked ? inner.filter { $0 != "*" && $0 != "_" }.trimmedWhitespace : inner).lowercasedQuickly()
        while key.hasSuffix(":") || key.hasSuffix(".") { key.removeLast() }
        // NFC, so the labels can be compared byte by byte.
        self.labelKey = key.trimmedWhitespace.canonicallyComposed
        self.isBlank = raw.isWhitespaceOnly
    }
}

/// The physical lines of one file, addressed by 1-based line number.
struct SourceDocument: Sendable {
    let lines: [SourceLine]

    init(text: String) {
        // Split as bytes, which is much faster than by character; "\r\n" is one character
        // there, so a line loses its final "\r".
        let pieces = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines = pieces.enumerated().map { number, piece in
            let line = piece.last == UInt8(ascii: "\r") ? piece.dropLast() : piece
            return SourceLine(number: number + 1, raw: String(Substring(line)))
        }
    }

    var lineCount: Int { lines.count }

    subscript(number: Int) -> SourceLine { lines[number - 1] }

    /// The first non-blank line after `number`, looking at most `within` lines ahead.
    func nextNonBlank(after number: Int, within: Int = .max) -> SourceLine? {
        var n = number + 1
        while n <= lineCount, n - number <= within {
            if !self[n].isBlank { return self[n] }
            n += 1
        }
        return nil
    }

    /// The last non-blank line in `range`, nil if all of it is blank.
    func lastNonBlank(in range: ClosedRange<Int>) -> Int? {
        range.reversed().first { !self[$0].isBlank }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without leading and trailing whitespace (including non-breaking spaces).
    var trimmedWhitespace: String {
        // Most lines start and end in a visible ASCII character: nothing to trim. (Such a byte
        // always starts a character of its own, unless it is the last byte of the text.)
        if let first = utf8.first, let last = utf8.last, first.isVisibleASCII, last.isVisibleASCII {
            return String(self)
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }

    /// Empty or nothing but whitespace characters.
    var isWhitespaceOnly: Bool {
        // An ASCII character that is no whitespace always starts a character that is none.
        if utf8.contains(where: { $0.isVisibleASCII }) { return false }
        return allSatisfy(\.isWhitespace)
    }
}

extension UInt8 {
    /// A printable ASCII character other than the space.
    fileprivate var isVisibleASCII: Bool { self > 0x20 && self < 0x7F }
}
