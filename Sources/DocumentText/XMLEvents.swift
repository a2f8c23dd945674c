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
        let failure = withoutActuallyEscaping(handle) { handle in
            let delegate = Delegate(handle)
            parser.delegate = delegate
            defer { parser.delegate = nil }
            // On Linux parse() can return true after a fatal error: the delegate keeps it.
            return parser.parse() ? delegate.failure : delegate.failure ?? (parser.lineNumber, parser.parserError)
        }
        if let (line, error) = failure {
            let code = (error as? NSError).map { "libxml2 error \($0.code)" } ?? "unreadable"
            throw .brokenXML(part: part, detail: "line \(line): \(code)")
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) -> Void
        /// The first error that is not about namespaces (libxml2's codes 200…204: an undeclared
        /// prefix leaves the markup readable).
        var failure: (line: Int, error: (any Error)?)?

        init(_ handle: @escaping (Event) -> Void) { self.handle = handle }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            let code = (parseError as NSError).code
            guard failure == nil, !(200...204).contains(code) else { return }
            failure = (parser.lineNumber, parseError)
        }

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
