import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One pass of Foundation's XMLParser over a part of a Word document, with element and
/// attribute names stripped of their namespace prefix (`w:p` → `p`): Word's prefixes are
/// conventional, and the parts read here use one namespace for what matters.
enum XMLEvents {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    static func walk(_ xml: Data, part: String, _ handle: (Event) -> Void) throws(DocumentTextError) {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let parsed = withoutActuallyEscaping(handle) { handle in
            let delegate = Delegate(handle)
            parser.delegate = delegate
            defer { parser.delegate = nil }
            return parser.parse()
        }
        guard parsed else {
            let detail = parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"
            throw .brokenXML(part: part, detail: "line \(parser.lineNumber): \(detail)")
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) -> Void
        init(_ handle: @escaping (Event) -> Void) { self.handle = handle }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String]
        ) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[Self.local(key)] = value }
            handle(.start(Self.local(elementName), local))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            handle(.end(Self.local(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handle(.text(string)) }

        static func local(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
