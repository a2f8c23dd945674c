import CLibXML2
import Foundation

/// Reads a web page with libxml2's HTML parser (recovering from broken markup, no network):
/// the text of block elements as lines, `h1`–`h6` as `#` headings, wholly bold blocks as
/// `**…**`, ordered-list items with their numbers (`start`, `value`, `type`, `reversed`),
/// table rows as their cells apart by tabs. Page furniture is left out where the markup says
/// so: scripts, styles, navigation, asides, page headers and footers, hidden elements, cookie
/// and consent banners.
enum HTMLReader {
    private typealias Node = UnsafeMutablePointer<xmlNode>

    /// libxml2 must be initialised once before threads parse at the same time.
    private static let initialised: Void = xmlInitParser()

    static func text(of data: Data) throws(DocumentTextError) -> String {
        _ = initialised
        guard data.count < Int(Int32.max) else { throw .htmlUnreadable }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        let encoding =
            declaresEncoding(data) ? nil : (String(validating: data, as: UTF8.self) != nil ? "UTF-8" : "windows-1252")
        let document = data.withUnsafeBytes { bytes in
            htmlReadMemory(
                bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, encoding, options)
        }
        guard let document else { throw .htmlUnreadable }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .htmlUnreadable }
        var writer = BlockWriter()
        writer.walk(root)
        writer.flush()
        return writer.blocks.joined(separator: "\n\n") + "\n"
    }

    /// A byte-order mark or a charset/encoding declaration near the start: libxml2 reads it.
    /// Otherwise the bytes decide: UTF-8 when they are valid UTF-8, else Windows-1252.
    private static func declaresEncoding(_ data: Data) -> Bool {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return true
        }
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =") || head.contains("encoding=")
    }

    private static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "aside", "iframe", "svg", "button", "select",
        "input", "textarea", "object", "embed", "dialog",
    ]
    private static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    ]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre", "address", "ul", "ol",
        "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "form", "fieldset", "figure",
        "figcaption", "center", "details", "summary", "body", "html", "hr", "legend",
    ]

    private struct BlockWriter {
        var blocks: [String] = []
        private var line = ""
        private var boldText = false
        private var plainText = false
        private var bold = 0
        private var preformatted = 0
        /// Inside `article`, `main` or `section`: a `header`/`footer` there is content.
        private var content = 0
        /// The number of the list item whose text is next.
        private var pendingNumber: String?

        mutating func walk(_ node: Node) {
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
        }

        private mutating func visit(_ node: Node) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = node.pointee.content else { return }
                append(String(cString: content))
            case XML_ELEMENT_NODE:
                element(node)
            default:
                return
            }
        }

        private mutating func element(_ node: Node) {
            let name = String(cString: node.pointee.name).lowercased()
            let attributes = Self.attributes(node)
            guard !HTMLReader.skipped.contains(name), !isFurniture(name, attributes) else { return }
            switch name {
            case "br":
                line += "\n"
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                var heading = BlockWriter()
                heading.walk(node)
                let text = heading.inlineText
                if !text.isEmpty {
                    blocks.append(
                        String(repeating: "#", count: Int(String(name.last!))!) + " "
                            + (pendingNumber.map { $0 + " " } ?? "") + text)
                    pendingNumber = nil
                }
            case "b", "strong":
                bold += 1
                walk(node)
                bold -= 1
            case "pre":
                flush()
                preformatted += 1
                walk(node)
                preformatted -= 1
                flush()
            case "ol", "ul":
                flush()
                list(node, ordered: name == "ol", attributes: attributes)
                flush()
            case "tr":
                flush()
                row(node)
            case "article", "main", "section":
                content += 1
                flush()
                walk(node)
                flush()
                content -= 1
            default:
                let isBlock = HTMLReader.blocks.contains(name) || name == "td" || name == "th"
                if isBlock { flush() }
                walk(node)
                if isBlock { flush() }
            }
        }

        /// The items of a list, each starting with its number (ordered) or a bullet.
        private mutating func list(_ node: Node, ordered: Bool, attributes: [String: String]) {
            let items = Self.children(of: node).filter { Self.name($0) == "li" }
            let reversed = attributes["reversed"] != nil
            var value =
                attributes["start"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                ?? (reversed ? items.count : 1)
            let format =
                ["a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"][attributes["type"] ?? ""]
                ?? "decimal"
            for child in Self.children(of: node) {
                guard Self.name(child) == "li" else {
                    visit(child)
                    continue
                }
                let itemAttributes = Self.attributes(child)
                if isFurniture("li", itemAttributes) { continue }
                if let own = itemAttributes["value"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                    value = own
                }
                flush()
                pendingNumber = ordered ? ListNumber.render(value, format: format) + "." : "•"
                walk(child)
                flush()
                pendingNumber = nil
                value += reversed ? -1 : 1
            }
        }

        /// A table row: one line of its cells apart by tabs; a row with one non-empty cell is a
        /// frame around text, read as blocks.
        private mutating func row(_ node: Node) {
            let cells = Self.children(of: node).filter { ["td", "th"].contains(Self.name($0)) }
            let texts = cells.map { cell -> String in
                var writer = BlockWriter()
                writer.content = content
                writer.walk(cell)
                writer.flush()
                return writer.blocks.map { BlockMarks.plain($0) }.joined(separator: " ")
            }
            if texts.filter({ !$0.isEmpty }).count <= 1 {
                walk(node)
                flush()
            } else {
                blocks.append(texts.joined(separator: "\t"))
            }
        }

        private func isFurniture(_ name: String, _ attributes: [String: String]) -> Bool {
            if attributes["hidden"] != nil || attributes["aria-hidden"]?.lowercased() == "true" { return true }
            if let role = attributes["role"]?.lowercased(), HTMLReader.furnitureRoles.contains(role) { return true }
            if (name == "header" || name == "footer") && content == 0 { return true }
            let style = (attributes["style"] ?? "").lowercased().filter { !$0.isWhitespace }
            if style.contains("display:none") || style.contains("visibility:hidden") { return true }
            let names = ((attributes["id"] ?? "") + " " + (attributes["class"] ?? "")).lowercased()
            return ["cookie", "consent", "gdpr"].contains { names.contains($0) }
        }

        private mutating func append(_ text: String) {
            let folded = preformatted > 0 ? text : Self.foldWhitespace(text, after: line)
            line += folded
            if !folded.allSatisfy(\.isWhitespace) {
                if bold > 0 { boldText = true } else { plainText = true }
            }
        }

        /// The current line (the text since the last block boundary) as a block.
        mutating func flush() {
            let text = line.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                let numbered = pendingNumber.map { $0 + " " + text } ?? text
                pendingNumber = nil
                blocks.append(boldText && !plainText && !numbered.contains("\n") ? "**" + numbered + "**" : numbered)
            }
            line = ""
            boldText = false
            plainText = false
        }

        /// The text of what was walked, on one line, without marks.
        var inlineText: String {
            var copy = self
            copy.flush()
            return copy.blocks.map { BlockMarks.plain($0) }.joined(separator: " ")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        private static func foldWhitespace(_ text: String, after line: String) -> String {
            var out = ""
            var space = line.last.map(\.isWhitespace) ?? true
            for character in text {
                if character.isWhitespace {
                    if !space { out.append(" ") }
                    space = true
                } else {
                    out.append(character)
                    space = false
                }
            }
            return out
        }

        private static func name(_ node: Node) -> String? {
            node.pointee.type == XML_ELEMENT_NODE ? String(cString: node.pointee.name).lowercased() : nil
        }

        private static func children(of node: Node) -> [Node] {
            var out: [Node] = []
            var child = node.pointee.children
            while let current = child {
                out.append(current)
                child = current.pointee.next
            }
            return out
        }

        /// The element's attributes, names in lower case (libxml2 keeps their values as text children).
        private static func attributes(_ node: Node) -> [String: String] {
            var out: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                let name = String(cString: current.pointee.name).lowercased()
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                out[name] = value
                attribute = current.pointee.next
            }
            return out
        }
    }
}

/// A block's text without the marks the readers add (`#` heading marks, a `**` wrapper).
enum BlockMarks {
    static func plain(_ block: String) -> String {
        var text = Substring(block)
        if text.hasPrefix("#") { text = text.drop { $0 == "#" }.drop { $0 == " " } }
        if text.hasPrefix("**"), text.hasSuffix("**"), text.count > 4 { text = text.dropFirst(2).dropLast(2) }
        return String(text)
    }
}
