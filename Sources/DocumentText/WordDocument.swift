import Foundation

/// The text of `word/document.xml`: paragraphs in order as lines, heading styles as `#`
/// headings, wholly bold paragraphs as `**…**`, list numbers as Word shows them, table rows as
/// their cells apart by tabs; blocks apart by a blank line.
enum WordDocument {
    private struct Paragraph {
        var style: String?
        var numId: String?
        var numLevel = 0
        var outlineLevel: Int?
        var text = ""
        var boldText = false
        var plainText = false
    }

    /// One table cell's paragraphs: rendered with their marks, and as plain text.
    private struct Cell {
        var blocks: [String] = []
        var plain: [String] = []
    }

    private struct Table {
        var row: [Cell] = []
        var cell: Cell?
    }

    static func text(xml: Data, part: String, styles: WordStyles, numbering: WordNumbering) throws(DocumentTextError)
        -> String
    {
        var numbering = numbering
        var blocks: [String] = []
        var paragraphs: [Paragraph] = []  // a text box's paragraphs sit inside another's run
        var tables: [Table] = []
        var inParagraphProperties = false
        var inRunProperties = false
        var runBold = false
        var inText = false
        var skipped = 0  // depth inside mc:Fallback (a copy of mc:Choice's content)

        func emit(_ paragraph: Paragraph) {
            let number = paragraph.numId.flatMap { numbering.next(numId: $0, level: paragraph.numLevel) }
            let text = paragraph.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            let plain = [number, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            var rendered = plain
            if let level = paragraph.style.flatMap(styles.headingLevel) ?? paragraph.outlineLevel {
                rendered = String(repeating: "#", count: level) + " " + plain.replacingOccurrences(of: "\n", with: " ")
            } else if paragraph.boldText, !paragraph.plainText, !plain.contains("\n") {
                rendered = "**" + plain + "**"
            }
            if tables.isEmpty {
                blocks.append(rendered)
            } else {
                tables[tables.count - 1].cell?.blocks.append(rendered)
                tables[tables.count - 1].cell?.plain.append(plain.replacingOccurrences(of: "\n", with: " "))
            }
        }

        /// A row of one non-empty cell is a frame around text: its paragraphs as blocks. A row
        /// of several: one line, cells apart by tabs.
        func emit(row: [Cell]) {
            let filled = row.filter { !$0.plain.isEmpty }
            let lines: [String]
            if filled.count == 1 {
                lines = filled[0].blocks
            } else if filled.isEmpty {
                return
            } else {
                lines = [row.map { $0.plain.joined(separator: " ") }.joined(separator: "\t")]
            }
            if tables.count > 1 {
                tables[tables.count - 2].cell?.blocks.append(contentsOf: lines)
                tables[tables.count - 2].cell?.plain.append(
                    contentsOf: lines.map { $0.replacingOccurrences(of: "\t", with: " ") })
            } else if filled.count == 1 {
                blocks.append(contentsOf: lines)
            } else {
                // Rows of one table stay together: one block.
                if blocks.last?.hasPrefix(Self.rowMark) == true {
                    blocks[blocks.count - 1] += "\n" + lines[0]
                } else {
                    blocks.append(Self.rowMark + lines[0])
                }
            }
        }

        try XMLEvents.walk(xml, part: part) { event in
            if skipped > 0 {
                if case .start("Fallback", _) = event { skipped += 1 }
                if case .end("Fallback") = event { skipped -= 1 }
                return
            }
            switch event {
            case .start("Fallback", _): skipped = 1
            case .start("p", _): paragraphs.append(Paragraph())
            case .start("pPr", _): inParagraphProperties = true
            case .end("pPr"): inParagraphProperties = false
            case .start("pStyle", let attributes) where inParagraphProperties:
                paragraphs[paragraphs.count - 1].style = attributes["val"]
            case .start("numId", let attributes) where inParagraphProperties:
                paragraphs[paragraphs.count - 1].numId = attributes["val"]
            case .start("ilvl", let attributes) where inParagraphProperties:
                paragraphs[paragraphs.count - 1].numLevel = attributes["val"].flatMap { Int($0) } ?? 0
            case .start("outlineLvl", let attributes) where inParagraphProperties:
                if let level = attributes["val"].flatMap({ Int($0) }), level < 9 {
                    paragraphs[paragraphs.count - 1].outlineLevel = min(level + 1, 6)
                }
            case .start("r", _): runBold = false
            case .start("rPr", _) where !inParagraphProperties: inRunProperties = true
            case .end("rPr"): inRunProperties = false
            case .start("b", let attributes) where inRunProperties: runBold = !WordNumbering.isOff(attributes["val"])
            case .start("t", _) where !paragraphs.isEmpty: inText = true
            case .end("t"): inText = false
            case .text(let string) where inText:
                paragraphs[paragraphs.count - 1].text += string
                if !string.allSatisfy(\.isWhitespace) {
                    if runBold {
                        paragraphs[paragraphs.count - 1].boldText = true
                    } else {
                        paragraphs[paragraphs.count - 1].plainText = true
                    }
                }
            case .start("tab", _) where !paragraphs.isEmpty && !inParagraphProperties:
                paragraphs[paragraphs.count - 1].text += "\t"
            case .start("br", _), .start("cr", _):
                if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += "\n" }
            case .start("noBreakHyphen", _) where !paragraphs.isEmpty: paragraphs[paragraphs.count - 1].text += "-"
            case .start("softHyphen", _) where !paragraphs.isEmpty: paragraphs[paragraphs.count - 1].text += "\u{00AD}"
            case .end("p"):
                if let paragraph = paragraphs.popLast() { emit(paragraph) }
            case .start("tbl", _): tables.append(Table())
            case .start("tr", _) where !tables.isEmpty: tables[tables.count - 1].row = []
            case .start("tc", _) where !tables.isEmpty: tables[tables.count - 1].cell = Cell()
            case .end("tc"):
                if !tables.isEmpty, let cell = tables[tables.count - 1].cell {
                    tables[tables.count - 1].row.append(cell)
                    tables[tables.count - 1].cell = nil
                }
            case .end("tr"):
                if let row = tables.last?.row { emit(row: row) }
            case .end("tbl"):
                _ = tables.popLast()
            default: break
            }
        }
        return blocks.map { $0.hasPrefix(rowMark) ? String($0.dropFirst(rowMark.count)) : $0 }.joined(separator: "\n\n")
            + "\n"
    }

    /// Marks a block of table rows while the rows are collected (never in a Word text).
    private static let rowMark = "\u{0}row\u{0}"
}
