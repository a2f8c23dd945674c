import Foundation

/// Normalises the markdown-ish text exported from PDF/DOCX minutes.
///
/// The exports carry three kinds of noise: inline markup (HTML-ish tags, markdown marks),
/// typographic characters (soft hyphens, NBSP, tabs from tables) and line breaks made by the
/// PDF layout rather than the author (words hyphenated across lines, blank lines inside a
/// paragraph). `cleanLine` removes the first two; `normalize` also repairs the line breaks.
public enum Normalizer {
    /// One line cleaned of inline markup: HTML-ish tags, markdown marks, NFC, soft hyphens,
    /// tabs and runs of whitespace folded to one space, trimmed.
    ///
    /// A line that is nothing but markup (`---`, `|---|---|`, `***`) cleans to "".
    /// Ordinary punctuation is left alone: "Børne- og", "covid-19", "kl. 08:00 – 10.15",
    /// "6/11" and a lone "*" as in "5*" survive unchanged.
    public static func cleanLine(_ line: String) -> String {
        if isPlain(line) {
            let text = foldWhitespaceOfSimpleText(line)
            return isRule(text) ? "" : text
        }
        var glyphs = Glyph.read(line.canonicallyComposed)
        glyphs = Markup.stripBlockMarkers(glyphs)
        glyphs = Markup.stripTags(glyphs)
        glyphs = Markup.stripLinks(glyphs)
        glyphs = Markup.stripEmphasis(glyphs)
        glyphs = Markup.stripTablePipes(glyphs)
        let text = foldWhitespace(Markup.decodeEntities(String(glyphs.map(\.character))))
        return isRule(text) ? "" : text
    }

    /// Bytes that may start markup `cleanLine` removes: escapes, tags, block markers, links,
    /// emphasis, table pipes and entities.
    private static let markupBytes: [Bool] = (0...255).map { "\\<>#[*_|&".utf8.contains(UInt8($0)) }

    /// Whether `cleanLine` can skip the markup scanners: no markup byte, and simple scalar text
    /// (already NFC, each character one scalar), which covers most lines of Danish prose.
    private static func isPlain(_ line: String) -> Bool {
        !line.utf8.contains(where: { markupBytes[Int($0)] }) && line.isSimpleScalarText
    }

    /// A block of several lines normalised for indexing and display: every line cleaned,
    /// words hyphenated across a line break joined, paragraphs separated by one blank line.
    ///
    /// Lines of one paragraph stay separate ("\n"): in minutes they are often list items or
    /// table rows, which read badly when run together. Lines that were only markup are dropped
    /// without ending the paragraph, so a table keeps its header and body together.
    public static func normalize(_ text: String) -> String {
        normalize(lines: [text])
    }

    /// `normalize` for a block given as its lines (a line with a line break in it is split
    /// there), without joining them into one string first.
    public static func normalize(lines texts: [String]) -> String {
        var lines: [Line] = []
        var blankBefore = false
        for raw in texts.flatMap({ mayBreakLine($0) ? splitLines($0) : [$0] }) {
            if raw.allSatisfy(\.isWhitespace) {
                blankBefore = true
                continue
            }
            let cleaned = cleanLine(raw)
            if cleaned.isEmpty { continue }  // only markup: dropped, paragraph goes on
            lines.append(
                Line(
                    text: cleaned,
                    blankBefore: blankBefore && !lines.isEmpty,
                    endsInSoftHyphen: raw.trimmingTrailingWhitespace().last == "\u{00AD}",
                    startsBlock: startsBlock(raw)
                ))
            blankBefore = false
        }

        var merged: [Line] = []
        for line in lines {
            if var previous = merged.last, let joined = joinAcrossBreak(previous, line) {
                previous.text = joined
                previous.endsInSoftHyphen = line.endsInSoftHyphen
                merged[merged.count - 1] = previous
            } else {
                merged.append(line)
            }
        }

        var out = ""
        for (index, line) in merged.enumerated() {
            if index > 0 { out += line.blankBefore ? "\n\n" : "\n" }
            out += line.text
        }
        return out
    }

    // MARK: - Line breaks

    /// The two lines as one when the break between them splits a word hyphenated across it
    /// ("sundhedsklyn-" "ger" → "sundhedsklynger"), else nil: `normalize`'s rule, for breaks a
    /// reader meets before the text is one (a PDF's page breaks).
    public static func joinedAcrossBreak(_ previous: String, _ next: String) -> String? {
        var text = String(previous.trimmingTrailingWhitespace())
        let softHyphen = text.last == "\u{00AD}"
        if softHyphen { text.removeLast() }
        let nextText = String(next.drop { $0.isWhitespace })
        return joinAcrossBreak(
            Line(text: text, blankBefore: false, endsInSoftHyphen: softHyphen, startsBlock: false),
            Line(text: nextText, blankBefore: false, endsInSoftHyphen: false, startsBlock: startsBlock(nextText)))
    }

    private struct Line {
        var text: String
        var blankBefore: Bool
        var endsInSoftHyphen: Bool
        var startsBlock: Bool
    }

    /// Words that follow a Danish suspended hyphen ("Børne- og Ungepsykiatri",
    /// "social- eller sundhedsfaglig"): the hyphen before them is real, not a line-break split.
    static let suspendedHyphenFollowers: Set<String> = [
        "og", "eller", "samt", "til", "som", "men", "end", "hhv", "respektive", "el", "and", "or",
    ]

    /// The text of `previous` and `next` as one line when the break between them splits a word
    /// or a phrase (the line ends in a hyphen), else nil. Blank lines in between do not matter:
    /// a PDF export puts them anywhere, but a word never ends a paragraph with a hyphen.
    private static func joinAcrossBreak(_ previous: Line, _ next: Line) -> String? {
        // A new heading or list item starts something new even after a hyphen.
        if next.startsBlock { return nil }
        // The author's own hyphenation point: always a split word.
        if previous.endsInSoftHyphen { return previous.text + next.text }

        // Most lines end in no hyphen: decided on the last bytes before looking at characters.
        let utf8 = previous.text.utf8
        guard utf8.last == UInt8(ascii: "-") || utf8.reversed().starts(with: "\u{2010}".utf8.reversed()) else {
            return nil
        }
        let prev = Array(previous.text)
        guard let last = prev.last, last == "-" || last == "\u{2010}", prev.count >= 2 else { return nil }
        let beforeHyphen = prev[prev.count - 2]
        // "foo -" is a dash, and "(-" or "/-" are not words.
        guard beforeHyphen.isLetter || beforeHyphen.isNumber else { return nil }

        let nextWord = String(next.text.prefix { $0.isLetter })
        if let first = next.text.first, first.isLetter, first.isLowercase {
            if suspendedHyphenFollowers.contains(nextWord.lowercased()) {
                return previous.text + " " + next.text  // "Børne- og Ungepsykiatri"
            }
            let stem = prev.dropLast().reversed().prefix { $0.isLetter || $0.isNumber }.reversed()
            let letters = stem.filter(\.isLetter)
            let keepsHyphen =
                stem.contains(where: \.isNumber)  // "4-" "årige"
                || letters.count < 2  // "e-" "nærhospital": no syllable is one letter
                || letters.allSatisfy(\.isUppercase)  // "IT-" "platform": an acronym, not a syllable
            return keepsHyphen
                ? previous.text + next.text
                : String(prev.dropLast()) + next.text  // "sundhedsklyn-" "ger"
        }
        // "covid-" "19", "Vest-" "Berlin": a hyphenated word broken at its own hyphen.
        if let first = next.text.first, first.isLetter || first.isNumber {
            return previous.text + next.text
        }
        return nil
    }

    /// Whether a raw line opens a heading, list item, quote or table row.
    private static func startsBlock(_ raw: String) -> Bool {
        let line = raw.drop { $0.isWhitespace }
        guard let first = line.first else { return false }
        if "#>|".contains(first) { return true }
        let second = line.dropFirst().first
        if "-*+•–".contains(first), second.map(\.isWhitespace) ?? true { return true }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")",
                rest.dropFirst().first.map(\.isWhitespace) ?? true
            {
                return true
            }
        }
        return false
    }

    /// False when `text` surely holds no line break: no byte of \n \v \f \r, NEL, U+2028 or U+2029.
    private static func mayBreakLine(_ text: String) -> Bool {
        text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }
    }

    private static func splitLines(_ text: String) -> [String] {
        // Character treats "\r\n" as one character, so it is a newline like "\n" and "\r".
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    // MARK: - Whitespace

    /// Invisible characters deleted outright. The soft hyphen only marks where a word may break,
    /// and Xapian would split the word at it; the zero-width characters are formatting only
    /// (Xapian ignores them inside a word anyway).
    static let invisibles: Set<Character> = [
        "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
    ]

    /// Tabs, NBSP, other Unicode spaces and newlines folded to single spaces; trimmed.
    static func foldWhitespace(_ text: String) -> String {
        text.isSimpleScalarText ? foldWhitespaceOfSimpleText(text) : foldWhitespaceByCharacter(text)
    }

    /// `foldWhitespace` character by character: the definition the fast path must equal.
    static func foldWhitespaceByCharacter(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if invisibles.contains(character) { continue }
            if character.isWhitespace || isControl(character) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        return out
    }

    /// `foldWhitespace` on the UTF-8 bytes of `isSimpleScalarText` text, where every character
    /// is one scalar (or "\r\n", two whitespace scalars). There, whitespace and controls are
    /// ASCII, the C1 controls, NEL, NBSP and the spaces and separators of U+2002–U+205F; the
    /// invisibles are the soft hyphen, U+200B and U+2060.
    static func foldWhitespaceOfSimpleText(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3
            let scalar: UInt32 =
                switch width {
                case 1: UInt32(lead)
                case 2: UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                default:
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                }
            defer { index += width }
            switch scalar {
            case 0xAD, 0x200B, 0x2060:
                continue
            case 0...0x20, 0x7F...0xA0, 0x2002...0x200A, 0x2028, 0x2029, 0x202F, 0x205F:
                pendingSpace = !out.isEmpty
                continue
            default:
                if pendingSpace { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(contentsOf: bytes[index..<(index + width)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.first?.properties.generalCategory == .control
    }

    /// A horizontal rule or a table's header rule: `---`, `***`, `___`, `|---|:--:|`, `--\t----`.
    private static func isRule(_ text: String) -> Bool {
        !text.isEmpty
            && text.allSatisfy { "-=_*~|:+ ".contains($0) }
            && text.contains { "-=_*~".contains($0) }
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
