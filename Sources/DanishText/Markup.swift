import Foundation

/// One character of a line, remembering whether markdown escaped it (`\*` is a literal star
/// and must never be taken for emphasis).
struct Glyph: Equatable {
    var character: Character
    var escaped = false

    static let space = Glyph(character: " ")

    /// The line as glyphs, backslash escapes resolved and invisible characters dropped early so
    /// they cannot hide a markup mark from the scanners.
    static func read(_ text: String) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            pending = iterator.next()
            if Normalizer.invisibles.contains(character) { continue }
            if character == "\\", let next = pending, next.isASCII, next.isPunctuation || next.isSymbol {
                glyphs.append(Glyph(character: next, escaped: true))
                pending = iterator.next()
            } else {
                glyphs.append(Glyph(character: character))
            }
        }
        return glyphs
    }
}

/// Small scanners, one per kind of markup. Each takes and returns the glyphs of one line and
/// removes only what it can recognise with certainty; anything else is left as text.
enum Markup {
    // MARK: - Block markers

    /// Leading blockquote `>`s and an ATX heading's `#`s (with its optional closing `#`s).
    /// A `#` not followed by a space is text ("#6", "C#").
    static func stripBlockMarkers(_ glyphs: [Glyph]) -> [Glyph] {
        var start = 0
        func skipSpaces() { while start < glyphs.count, glyphs[start].character.isWhitespace { start += 1 } }
        skipSpaces()
        while start < glyphs.count, glyphs[start] == Glyph(character: ">") {
            start += 1
            skipSpaces()
        }
        var hashes = 0
        while start + hashes < glyphs.count, glyphs[start + hashes] == Glyph(character: "#") { hashes += 1 }
        let afterHashes = start + hashes
        guard (1...6).contains(hashes),
            afterHashes == glyphs.count || glyphs[afterHashes].character.isWhitespace
        else { return Array(glyphs[start...]) }

        var body = Array(glyphs[afterHashes...])
        // "## Title ##": the closing run counts only when a space precedes it.
        var end = body.count
        while end > 0, body[end - 1].character.isWhitespace { end -= 1 }
        var closing = end
        while closing > 0, body[closing - 1] == Glyph(character: "#") { closing -= 1 }
        if closing < end, closing == 0 || body[closing - 1].character.isWhitespace {
            body.removeSubrange(closing...)
        }
        return body
    }

    // MARK: - HTML-ish tags

    /// Tags that separate words, so removing them must leave a space ("a<br>b" is two words).
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "thead", "tbody", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    ]
    /// Tags inside a word's flow, removed without a trace ("<b>I alt</b>").
    private static let inlineTags: Set<String> = [
        "b", "i", "u", "em", "strong", "span", "sup", "sub", "a", "font", "s", "strike", "small",
        "big", "mark", "code", "ins", "del", "img",
    ]

    /// Removes known HTML tags, keeping their text. Unknown names stay text, so "<5 år" or
    /// "<Region Nord>" survive. Footnote markers (`<sup>3</sup>`) go with their content:
    /// glued to a word ("kommunerne<sup>3</sup>") they would otherwise make a new word
    /// "kommunerne3", and the notes themselves lose their number alike, consistently.
    /// Autolinks `<https://…>`, `<navn@x.dk>` keep their address.
    static func stripTags(_ glyphs: [Glyph]) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(glyphs.count)
        var i = 0
        while i < glyphs.count {
            guard glyphs[i] == Glyph(character: "<"), let close = firstIndex(of: ">", in: glyphs, from: i + 1)
            else {
                out.append(glyphs[i])
                i += 1
                continue
            }
            let inner = text(glyphs[(i + 1)..<close])
            if let tag = tagName(inner) {
                if tag.name == "sup", !tag.closing, let skip = footnoteEnd(glyphs, contentStart: close + 1) {
                    i = skip
                    continue
                }
                if blockTags.contains(tag.name) { out.append(.space) }
                i = close + 1
            } else if isAutolink(inner) {
                out.append(contentsOf: glyphs[(i + 1)..<close])
                i = close + 1
            } else {
                out.append(glyphs[i])
                i += 1
            }
        }
        return out
    }

    /// The lowercased name of a known tag written as `inner` (the text between `<` and `>`).
    private static func tagName(_ inner: String) -> (name: String, closing: Bool)? {
        var rest = Substring(inner)
        let closing = rest.first == "/"
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
        let after = rest.dropFirst(name.count)
        guard blockTags.contains(name) || inlineTags.contains(name) else { return nil }
        guard after.isEmpty || after.first == "/" || after.first!.isWhitespace else { return nil }
        if closing, !after.allSatisfy(\.isWhitespace) { return nil }
        return (name, closing)
    }

    private static func isAutolink(_ inner: String) -> Bool {
        guard let first = inner.first, first.isASCII, first.isLetter else { return false }
        return !inner.contains(where: \.isWhitespace) && (inner.contains(":") || inner.contains("@"))
    }

    /// Index just past `</sup>` when the superscript holds only a footnote marker.
    private static func footnoteEnd(_ glyphs: [Glyph], contentStart: Int) -> Int? {
        var j = contentStart
        while j < glyphs.count, glyphs[j].character != "<" { j += 1 }
        let content = text(glyphs[contentStart..<j]).trimmingCharacters(in: .whitespaces)
        let isMarker =
            (1...3).contains(content.count)
            && content.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "*" || $0 == "†" }
        guard isMarker, let close = firstIndex(of: ">", in: glyphs, from: j),
            text(glyphs[j...close]).replacingOccurrences(of: " ", with: "").lowercased() == "</sup>"
        else { return nil }
        return close + 1
    }

    // MARK: - Links

    /// `[text](target)` and `![alt](src)` become their text; `[text]` alone stays as written.
    static func stripLinks(_ glyphs: [Glyph]) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(glyphs.count)
        var i = 0
        while i < glyphs.count {
            if glyphs[i] == Glyph(character: "["),
                let textEnd = matching("[", "]", in: glyphs, openAt: i),
                textEnd + 1 < glyphs.count, glyphs[textEnd + 1] == Glyph(character: "("),
                let targetEnd = matching("(", ")", in: glyphs, openAt: textEnd + 1)
            {
                if out.last == Glyph(character: "!") { out.removeLast() }
                out.append(contentsOf: stripLinks(Array(glyphs[(i + 1)..<textEnd])))
                i = targetEnd + 1
            } else {
                out.append(glyphs[i])
                i += 1
            }
        }
        return out
    }

    /// Index of the unescaped `close` balancing the `open` at `openAt`.
    private static func matching(_ open: Character, _ close: Character, in glyphs: [Glyph], openAt: Int) -> Int? {
        var depth = 0
        for j in openAt..<glyphs.count where !glyphs[j].escaped {
            if glyphs[j].character == open { depth += 1 }
            if glyphs[j].character == close {
                depth -= 1
                if depth == 0 { return j }
            }
        }
        return nil
    }

    // MARK: - Emphasis

    /// `**strong**`, `__strong__`, `*em*`, `_em_`.
    ///
    /// Runs of two or more stars are always markup (no Danish text writes "**"); underscore runs
    /// only outside a word, so "snake__case" stays. A single `*` or `_` is emphasis only as a
    /// pair that opens before a word and closes after one, so "5*" or "a * b" stay literal.
    /// PDF exports sometimes split bold across lines, so an unpaired `**` is removed too.
    static func stripEmphasis(_ glyphs: [Glyph]) -> [Glyph] {
        var kept: [Glyph] = []
        kept.reserveCapacity(glyphs.count)
        var i = 0
        while i < glyphs.count {
            let mark = glyphs[i].character
            guard !glyphs[i].escaped, mark == "*" || mark == "_" else {
                kept.append(glyphs[i])
                i += 1
                continue
            }
            var runEnd = i
            while runEnd < glyphs.count, glyphs[runEnd] == Glyph(character: mark) { runEnd += 1 }
            let intraword = isWordChar(at: i - 1, glyphs) && isWordChar(at: runEnd, glyphs)
            let isStrong = runEnd - i >= 2 && (mark == "*" || !intraword)
            if !isStrong { kept.append(contentsOf: glyphs[i..<runEnd]) }
            i = runEnd
        }
        return stripSingleEmphasis(kept)
    }

    private static func stripSingleEmphasis(_ glyphs: [Glyph]) -> [Glyph] {
        var removed = Set<Int>()
        var i = 0
        while i < glyphs.count {
            let mark = glyphs[i].character
            guard !glyphs[i].escaped, mark == "*" || mark == "_", opens(at: i, glyphs) else {
                i += 1
                continue
            }
            if let close = (i + 2..<max(i + 2, glyphs.count)).first(where: {
                glyphs[$0] == Glyph(character: mark) && closes(at: $0, glyphs)
            }) {
                removed.insert(i)
                removed.insert(close)
                i = close + 1
            } else {
                i += 1
            }
        }
        return glyphs.indices.filter { !removed.contains($0) }.map { glyphs[$0] }
    }

    private static func opens(at i: Int, _ glyphs: [Glyph]) -> Bool {
        guard i + 1 < glyphs.count, !glyphs[i + 1].character.isWhitespace else { return false }
        return !isWordChar(at: i - 1, glyphs)
    }

    private static func closes(at i: Int, _ glyphs: [Glyph]) -> Bool {
        guard i > 0, !glyphs[i - 1].character.isWhitespace else { return false }
        return !isWordChar(at: i + 1, glyphs)
    }

    private static func isWordChar(at i: Int, _ glyphs: [Glyph]) -> Bool {
        guard glyphs.indices.contains(i) else { return false }
        return glyphs[i].character.isLetter || glyphs[i].character.isNumber
    }

    // MARK: - Tables

    /// A pipe table row `| a | b |` loses its outer pipes; inner ones separate the cells.
    static func stripTablePipes(_ glyphs: [Glyph]) -> [Glyph] {
        var body = ArraySlice(glyphs)
        while let first = body.first, first.character.isWhitespace { body = body.dropFirst() }
        guard body.first == Glyph(character: "|") else { return glyphs }
        body = body.dropFirst()
        while let last = body.last, last.character.isWhitespace { body = body.dropLast() }
        if body.last == Glyph(character: "|") { body = body.dropLast() }
        return Array(body)
    }

    // MARK: - Entities

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "shy": "\u{00AD}", "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "middot": "·",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "bdquo": "„", "sect": "§", "deg": "°", "euro": "€", "half": "½",
        "aelig": "æ", "oslash": "ø", "aring": "å", "AElig": "Æ", "Oslash": "Ø", "Aring": "Å",
        "eacute": "é", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
    ]

    /// HTML character references (`&amp;`, `&#229;`, `&#xE6;`); a bare "&" as in "AT&T" or
    /// an unknown name stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            let name = rest[afterAmp...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "#") }
            let semicolon = name.endIndex
            if (1...10).contains(name.count), semicolon < rest.endIndex, rest[semicolon] == ";",
                let decoded = decodeEntity(String(name))
            {
                out += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest[afterAmp...]
            }
        }
        return out + rest
    }

    private static func decodeEntity(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return namedEntities[name] }
        let digits = name.dropFirst()
        let value =
            digits.first == "x" || digits.first == "X"
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    // MARK: - Helpers

    private static func firstIndex(of character: Character, in glyphs: [Glyph], from start: Int) -> Int? {
        guard start < glyphs.count else { return nil }
        return (start..<glyphs.count).first { glyphs[$0].character == character && !glyphs[$0].escaped }
    }

    private static func text(_ glyphs: ArraySlice<Glyph>) -> String {
        String(glyphs.map(\.character))
    }
}
