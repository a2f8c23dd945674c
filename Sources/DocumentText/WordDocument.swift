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

    /// A paragraph's line, or a table's rows (kept together as one block).
    private enum Block {
        case line(String)
        case rows([String])
    }

    static func text(xml: Data, part: String, styles: WordStyles, numbering: WordNumbering) throws(DocumentTextError)
        -> String
    {
        var numbering = numbering
        var blocks: [Block] = []
        var paragraphs: [Paragraph] = []  // a text box's paragraphs sit inside another's run
        var tables: [Table] = []
        var inParagraphProperties = false
        var inRunProperties = false
        var runBold = false
        var inText = false
        var skipped = 0  // depth inside mc:Fallback (a copy of mc:Choice's content)

        /// Changes the innermost open paragraph (none in markup outside one: ignored).
        func update(_ change: (inout Paragraph) -> Void) {
            if !paragraphs.isEmpty { change(&paragraphs[paragraphs.count - 1]) }
        }

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
                blocks.append(.line(rendered))
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
                blocks.append(contentsOf: lines.map(Block.line))
            } else if case .rows(let rows) = blocks.last {
                blocks[blocks.count - 1] = .rows(rows + lines)
            } else {
                blocks.append(.rows(lines))
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
                update { $0.style = attributes["val"] }
            case .start("numId", let attributes) where inParagraphProperties:
                update { $0.numId = attributes["val"] }
            case .start("ilvl", let attributes) where inParagraphProperties:
                update { $0.numLevel = attributes["val"].flatMap { Int($0) } ?? 0 }
            case .start("outlineLvl", let attributes) where inParagraphProperties:
                if let level = attributes["val"].flatMap({ Int($0) }), level < 9 {
                    update { $0.outlineLevel = min(level + 1, 6) }
                }
            case .start("r", _): runBold = false
            case .start("rPr", _) where !inParagraphProperties: inRunProperties = true
            case .end("rPr"): inRunProperties = false
            case .start("b", let attributes) where inRunProperties: runBold = !WordNumbering.isOff(attributes["val"])
            case .start("t", _): inText = true
            case .end("t"): inText = false
            case .text(let string) where inText:
                let visible = !string.allSatisfy(\.isWhitespace)
                update {
                    $0.text += string
                    if visible, runBold { $0.boldText = true }
                    if visible, !runBold { $0.plainText = true }
                }
            // A tab inside paragraph properties is a tab stop, not text.
            case .start("tab", _) where !inParagraphProperties: update { $0.text += "\t" }
            case .start("br", _), .start("cr", _): update { $0.text += "\n" }
            case .start("noBreakHyphen", _): update { $0.text += "-" }
            case .start("softHyphen", _): update { $0.text += "\u{00AD}" }
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
        let texts = blocks.map { block in
            switch block {
            case .line(let line): line
            case .rows(let rows): rows.joined(separator: "\n")
            }
        }
        return texts.joined(separator: "\n\n") + "\n"
    }
}
