import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore
import ReferatTestSupport
import Testing

@testable import ReferatServer

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Atom document read with Foundation's XML parser: the elements RFC 4287 requires.
final class AtomReader: NSObject, XMLParserDelegate {
    struct Entry: Equatable {
        var fields: [String: String] = [:]
        var alternate: String?
    }

    private(set) var feed: [String: String] = [:]
    private(set) var entries: [Entry] = []
    private(set) var rootNamespace: String?
    private var path: [String] = []
    private var text = ""

    /// Parses `data`; nil when it is not well-formed XML.
    static func read(_ data: Data) -> AtomReader? {
        let reader = AtomReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if path.isEmpty { rootNamespace = namespaceURI }
        path.append(name)
        text = ""
        if name == "entry" { entries.append(Entry()) }
        if name == "link", path.count == 3, path[1] == "entry", attributes["rel"] == "alternate" {
            entries[entries.count - 1].alternate = attributes["href"]
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.count == 2 { feed[name] = text }
        if path.count == 3, path[1] == "entry" { entries[entries.count - 1].fields[name] = text }
        path.removeLast()
    }
}

@Suite struct FeedTests {
    static func feed(_ client: some TestClientProtocol, _ query: String) async throws -> AtomReader {
        let response = try await client.execute(uri: uri("/feed.atom", [("q", query)]), method: .get)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
        return try #require(AtomReader.read(Data(response.text.utf8)))
    }

    @Test func theFeedHasWhatAtomRequiresNewestFirst() async throws {
        try await SampleIndex.app().test(.router) { client in
            let atom = try await Self.feed(client, "palliation")
            #expect(atom.rootNamespace == "http://www.w3.org/2005/Atom")
            #expect(atom.feed["id"]?.hasPrefix("tag:referat,2026:") == true)
            #expect(atom.feed["title"] == "Referat: palliation")
            #expect(!atom.entries.isEmpty)
            for entry in atom.entries {
                #expect(entry.fields["id"]?.hasPrefix("tag:referat,2026:items/") == true)
                #expect(entry.fields["title"]?.hasPrefix("Punkt ") == true)
                #expect(entry.alternate?.hasPrefix("/items/") == true)
                #expect(entry.fields["updated"]?.wholeMatch(of: /\d{4}-\d\d-\d\dT00:00:00Z/) != nil)
            }
            let dates = atom.entries.compactMap { $0.fields["updated"] }
            #expect(dates == dates.sorted(by: >))
            #expect(atom.feed["updated"] == dates.first)
        }
    }

    @Test func controlCharactersAndMarkupInTheQueryStayWellFormed() async throws {
        try await SampleIndex.app().test(.router) { client in
            let atom = try await Self.feed(client, "<xyzzyq>&\u{01}\"'")
            #expect(atom.feed["title"] == "Referat: <xyzzyq>&\"'")
            #expect(atom.entries.isEmpty)
            #expect(atom.feed["updated"] == "1970-01-01T00:00:00Z")
        }
    }

    @Test func aNewMeetingAppearsFirstAndTheOthersKeepTheirIdsAndDates() async throws {
        let directory = TemporaryDirectory()
        let corpus = directory.url.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Repository.corpus, to: corpus)
        let index = directory.path("index")
        _ = try Indexer(corpusRoot: corpus, databasePath: index).run()
        let app = Application(router: buildRouter(pool: try SearcherPool(databasePath: index)))
        try await app.test(.router) { client in
            let before = try await Self.feed(client, "palliation").entries
            try """
            # Referat Klyngestyregruppe Nord

            Mødedato: 2. marts 2099

            ## 1. Palliation i eget hjem

            Palliation blev drøftet.
            """.write(to: corpus.appendingPathComponent("nyt.md"), atomically: true, encoding: .utf8)
            _ = try Indexer(corpusRoot: corpus, databasePath: index).run()
            let after = try await Self.feed(client, "palliation").entries
            #expect(after.first?.fields["updated"] == "2099-03-02T00:00:00Z")
            #expect(after.first?.fields["title"] == "Punkt 1: Palliation i eget hjem")
            #expect(Array(after.dropFirst().prefix(before.count - 1)) == Array(before.prefix(before.count - 1)))
        }
    }

    @Test func thePageLinksTheFeedOfItsSearch() async throws {
        try await SampleIndex.app().test(.router) { client in
            let html = try await client.execute(
                uri: uri("/", [("q", "palliation"), ("cluster", "Nord"), ("sort", "relevance")]), method: .get
            ).text
            #expect(html.contains("href=\"/feed.atom?q=palliation&amp;cluster=Nord\""))
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        }
    }
}
