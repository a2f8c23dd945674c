import DanishText
import Foundation

/// The typography of a PDF, read from Poppler's `pdftohtml -xml` (text pieces with their
/// boxes, font sizes and bold), expressed as the other readers express structure: a line set in
/// a font clearly larger than the body text is a `#` heading (`##` for the next size down …), a
/// line whose letters are all bold, or all in another typeface than the body's (sans-serif
/// headings over serif text), is a `**…**` line, and a gap wider than the document's line
/// spacing starts a new block (a blank line). A paragraph is one line, as in the other formats:
/// a line joins the one before when that one wrapped (the first word would not have fitted
/// before the right margin), and a larger heading's lines in one font join. Every rule is relative to
/// the document's own body font, line spacing and margin. Pure text in, pages out.
enum PDFLayout {
    /// How much larger than the body text a heading's font is at least.
    static let headingScale = 1.1

    /// One `<text>` element: a run of text in one font on one line.
    struct Piece {
        var top: Double, left: Double, width: Double, height: Double
        var font: String
        var text = ""
        var letters = 0
        var boldLetters = 0
        var bottom: Double { top + height }
        var right: Double { left + width }
    }

    struct Font: Hashable {
        let size: Double
        let family: String
        let color: String
    }

    /// A font's typeface without what varies within it: "BAAAAA+DejaVuSans" → "DejaVuSans" (the
    /// subset tag differs per embedding), "Arial-BoldMT" and "Arial,Italic" → "Arial" (a weight
    /// or slant of the body's typeface is not another typeface).
    static func typeface(_ family: String) -> String {
        let name = family.split(separator: "+", maxSplits: 1).last ?? ""
        return String(name.prefix { $0 != "-" && $0 != "," })
    }

    /// The pages of `xml` as lines of text with structure marks; the page count also for pages
    /// without text.
    static func pages(fromXML xml: Data) throws(DocumentTextError) -> [String] {
        let (pieces, fonts) = try read(xml)
        return render(pieces, fonts: fonts)
    }

    /// The text pieces of each page and the fonts by id.
    static func read(_ xml: Data) throws(DocumentTextError) -> ([[Piece]], [String: Font]) {
        // pdftohtml copies control characters of the PDF's text into its XML, where they are not
        // allowed: they become spaces rather than fail the file.
        let xml = Data(xml.map { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D ? 0x20 : $0 })
        var pages: [[Piece]] = []
        var fonts: [String: Font] = [:]
        var piece: Piece?
        var boldDepth = 0
        try XMLEvents.walk(xml, part: "pdftohtml's output") { event in
            switch event {
            case .start("page", _): pages.append([])
            case .start("fontspec", let attributes):
                guard let id = attributes["id"] else { return }
                fonts[id] = Font(
                    size: Double(attributes["size"] ?? "") ?? 0,
                    family: typeface(attributes["family"] ?? ""),
                    color: attributes["color"] ?? "")
            case .start("text", let attributes):
                let number = { (name: String) in Double(attributes[name] ?? "") ?? 0 }
                piece = Piece(
                    top: number("top"), left: number("left"), width: number("width"), height: number("height"),
                    font: attributes["font"] ?? "")
            case .start("b", _): boldDepth += 1
            case .end("b"): boldDepth -= 1
            case .text(let text):
                guard piece != nil else { return }  // outline entries and white space between elements
                piece!.text += text
                let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }.count
                piece!.letters += letters
                if boldDepth > 0 { piece!.boldLetters += letters }
            case .end("text"):
                if let done = piece, !pages.isEmpty, !done.text.allSatisfy(\.isWhitespace) {
                    pages[pages.count - 1].append(done)
                }
                piece = nil
                boldDepth = 0
            default: break
            }
        }
        return (pages, fonts)
    }

    /// One line of text: the pieces that share a baseline, left to right, and the printed
    /// lines joined to it (a wrapped paragraph or heading).
    struct Line {
        var rows: [[Piece]]
        /// A gap above it wider than the line spacing: a new block.
        var startsBlock = false
        var pieces: [Piece] { Array(rows.joined()) }
        var top: Double { rows.last?.map(\.top).min() ?? 0 }
        var bottom: Double { rows.last?.map(\.bottom).max() ?? 0 }
        var height: Double { bottom - top }
        var right: Double { rows.last?.map(\.right).max() ?? 0 }

        var text: String {
            rows.map(Self.text).reduce("") { text, row in
                text.isEmpty ? row : Normalizer.joinedAcrossBreak(text, row) ?? text + " " + row
            }
        }

        static func text(_ row: [Piece]) -> String {
            var out = ""
            for (index, piece) in row.enumerated() {
                // A space where the print has a gap between two pieces that have none.
                if index > 0, let last = out.last, !last.isWhitespace, piece.text.first?.isWhitespace == false,
                    piece.left - row[index - 1].right > 0.1 * piece.height
                {
                    out += " "
                }
                out += piece.text
            }
            return out.trimmingCharacters(in: .whitespaces)
        }

        /// The width the first word of the line takes, estimated from its piece's width.
        var firstWordWidth: Double {
            guard let first = rows.first?.first else { return 0 }
            let text = first.text.trimmingCharacters(in: .whitespaces)
            let word = text.prefix { !$0.isWhitespace }
            return first.width * Double(word.count + 1) / Double(max(text.count, 1))
        }

        /// The font most of its letters are set in.
        func font(_ fonts: [String: Font]) -> Font? {
            var letters: [String: Int] = [:]
            for piece in pieces { letters[piece.font, default: 0] += piece.letters }
            return letters.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.flatMap {
                fonts[$0.key]
            }
        }

        /// Letters, and all of them in another typeface than `family`.
        func isSetApart(from family: String, _ fonts: [String: Font]) -> Bool {
            let lettered = pieces.filter { $0.letters > 0 }
            return !lettered.isEmpty && lettered.allSatisfy { fonts[$0.font]?.family != family }
        }

        /// Letters, and all of them bold (a list number's digits may be regular).
        var isBold: Bool {
            let letters = pieces.map(\.letters).reduce(0, +)
            return letters > 0 && pieces.map(\.boldLetters).reduce(0, +) == letters
        }
    }

    /// How a line is marked: a heading level, bold, or plain text.
    enum Mark: Equatable {
        case heading(Int)
        case bold
        case plain
    }

    static func render(_ pages: [[Piece]], fonts: [String: Font]) -> [String] {
        let lines = pages.map(lines(of:))
        let body = bodyStyle(pages, fonts: fonts)
        let headingSizes = Set(
            lines.joined().compactMap { $0.font(fonts)?.size }.filter { $0 >= body.size * headingScale }
        )
        .sorted(by: >)
        let mark = { (line: Line) -> Mark in
            guard let font = line.font(fonts) else { return .plain }
            if let rank = headingSizes.firstIndex(of: font.size) { return .heading(min(rank + 1, 6)) }
            // A list entry ("•", "–") is not a heading, whatever its letters are set in.
            guard let first = line.text.unicodeScalars.first, !isBullet(first) else { return .plain }
            let emphasised =
                line.isBold && !body.bold || line.isSetApart(from: body.family, fonts) && font.size >= body.size
            return emphasised ? .bold : .plain
        }
        let lineGap = typicalLineGap(lines)
        let margin = rightMargin(lines)
        return lines.map { page in
            var marked: [(line: Line, mark: Mark)] = []
            for var line in blocks(page, lineGap: lineGap) {
                if let previous = marked.last, !line.startsBlock,
                    continues(previous.line, previous.mark, with: line, mark(line), margin: margin, fonts: fonts)
                {
                    line.rows = previous.line.rows + line.rows
                    line.startsBlock = previous.line.startsBlock
                    marked[marked.count - 1] = (line, mark(line))
                } else {
                    marked.append((line, mark(line)))
                }
            }
            return marked.map { line, mark in
                let text = line.text
                let shown =
                    switch mark {
                    case .heading(let level): String(repeating: "#", count: level) + " " + text
                    case .bold: "**\(text)**"
                    case .plain: text
                    }
                return (line.startsBlock ? "\n" : "") + shown
            }.joined(separator: "\n")
        }
    }

    /// `line` goes on `previous` (in the same block, marked alike): the next line of a heading in
    /// the same font (a title set short or centred), or any line that `previous` wrapped onto, as
    /// its first word would not have fitted before the right margin. Bold lines at the body size
    /// join only when wrapped: an item's heading over a bold label ("Beslutning") stays apart.
    static func continues(
        _ previous: Line, _ previousMark: Mark, with line: Line, _ mark: Mark, margin: Double, fonts: [String: Font]
    ) -> Bool {
        guard mark == previousMark else { return false }
        if case .heading = mark, previous.font(fonts) == line.font(fonts) { return true }
        return previous.right + line.firstWordWidth > margin
    }

    /// Where the text's lines end at the right: the right edge of a page's longest line, on the
    /// middle page of the document by that edge (a page of short lines is not taken for it).
    static func rightMargin(_ pages: [[Line]]) -> Double {
        let edges = pages.compactMap { $0.map(\.right).max() }.sorted()
        return edges.isEmpty ? 0 : edges[edges.count / 2]
    }

    /// A page's pieces as lines: pieces whose vertical middles lie within each other's boxes.
    static func lines(of pieces: [Piece]) -> [Line] {
        var lines: [Line] = []
        for piece in pieces.sorted(by: { ($0.top, $0.left) < ($1.top, $1.left) }) {
            let middle = piece.top + piece.height / 2
            if let index = lines.lastIndex(where: { line in
                let lineMiddle = (line.top + line.bottom) / 2
                return (line.top...line.bottom).contains(middle) && (piece.top...piece.bottom).contains(lineMiddle)
            }) {
                lines[index].rows[0].append(piece)
                lines[index].rows[0].sort { $0.left < $1.left }
            } else {
                lines.append(Line(rows: [[piece]]))
            }
        }
        return lines
    }

    /// The lines with `startsBlock` set where the gap above a line is clearly wider than the
    /// document's line spacing (by a quarter of a line).
    static func blocks(_ lines: [Line], lineGap: Double) -> [Line] {
        var out = lines
        for index in out.indices.dropFirst() {
            let gap = out[index].top - out[index - 1].bottom
            out[index].startsBlock = gap > lineGap + 0.25 * min(out[index].height, out[index - 1].height)
        }
        return out
    }

    /// The gap between consecutive lines of a paragraph: the smallest gap (to a whole unit)
    /// found between at least a tenth of the consecutive lines (and twice), so that paragraph
    /// spacing, however common, is not taken for it.
    static func typicalLineGap(_ pages: [[Line]]) -> Double {
        var counts: [Double: Int] = [:]
        for page in pages {
            for (above, below) in zip(page, page.dropFirst()) {
                counts[(below.top - above.bottom).rounded(), default: 0] += 1
            }
        }
        let pairs = counts.values.reduce(0, +)
        let needed = max(2, pairs / 10)
        return counts.filter { $0.value >= needed }.keys.min() ?? counts.keys.min() ?? 0
    }

    /// The body font: the size, weight and typeface most letters are set in.
    static func bodyStyle(_ pages: [[Piece]], fonts: [String: Font]) -> (size: Double, bold: Bool, family: String) {
        var bySize: [Double: (regular: Int, bold: Int)] = [:]
        var byFamily: [String: Int] = [:]
        for piece in pages.joined() {
            let font = fonts[piece.font]
            bySize[font?.size ?? 0, default: (0, 0)].regular += piece.letters - piece.boldLetters
            bySize[font?.size ?? 0, default: (0, 0)].bold += piece.boldLetters
            byFamily[font?.family ?? "", default: 0] += piece.letters
        }
        let body = bySize.max { $0.value.regular + $0.value.bold < $1.value.regular + $1.value.bold }
        let family = byFamily.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? ""
        return (body?.key ?? 0, body.map { $0.value.bold > $0.value.regular } ?? false, family)
    }

    /// A list bullet as fonts print them: "•", "–", "▪", … or a symbol font's private-use glyph.
    static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        "•◦▪▫■□●○‣⁃∙·–—-*>".unicodeScalars.contains(scalar) || (0xE000...0xF8FF).contains(scalar.value)
    }
}
