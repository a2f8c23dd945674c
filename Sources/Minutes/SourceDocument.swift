/// One physical line of a referat file.
struct SourceLine: Sendable {
    /// 1-based, counted the way the gold data counts: every `\n` (or `\r\n`) ends a line.
    let number: Int
    let raw: String
    /// The line's structural marks (markdown heading, whole-line bold) read once.
    let shape: LineShape
    /// The text as a label: without markup, lower case, no trailing colon or dot ("bilag").
    let labelKey: String

    init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        self.shape = LineShape(raw: raw)
        var key = shape.inner.filter { $0 != "*" && $0 != "_" }.trimmedWhitespace.lowercased()
        while key.hasSuffix(":") || key.hasSuffix(".") { key.removeLast() }
        self.labelKey = key.trimmedWhitespace
    }

    /// Empty or whitespace only (PDF exports leave lines of a single space).
    var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
}

/// The physical lines of one file, addressed by 1-based line number.
struct SourceDocument: Sendable {
    let lines: [SourceLine]

    init(text: String) {
        let pieces = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        lines = pieces.enumerated().map { SourceLine(number: $0.offset + 1, raw: String($0.element)) }
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

extension StringProtocol {
    /// The text without leading and trailing whitespace (including non-breaking spaces).
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
