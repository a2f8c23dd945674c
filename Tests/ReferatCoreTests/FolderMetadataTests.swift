import Foundation
import Testing

@testable import ReferatCore

/// Minutes that state no forum, cluster or organisation (the title does not name the document).
let unlabelledMinutes = """
    Noter fra mødet

    ## 1. Status på kvarkmøllerne

    Gruppen drøftede kvarkmøllerne.

    ## 2. Eventuelt

    Intet.
    """

@Suite struct FolderMetadataTests {
    func meeting(_ corpus: TestCorpus, _ file: String) throws -> ItemRecord.MeetingInfo {
        try #require(try Searcher(databasePath: corpus.index).item(id: IndexSchema.itemID(file: file, number: 1)))
            .meeting
    }

    @Test func theNearestFolderWinsPerKeyAndTheTextWinsOverAll() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write(
            "referat.json", #"{"cluster": "Nord", "forum": "Styregruppe", "organisation": "Region Nordjylland"}"#)
        try corpus.write("drift/referat.json", #"{"forum": "Driftsforum"}"#)
        try corpus.write("top.md", unlabelledMinutes)
        try corpus.write("drift/inner.md", unlabelledMinutes)
        try corpus.write("drift/stated.md", smallMinutes)
        let summary = try corpus.indexer().run()
        #expect((summary.added, summary.failed, summary.warnings) == (3, 0, 0), "referat.json is no minutes")

        let top = try meeting(corpus, "top.md")
        #expect((top.cluster, top.forum, top.organisation) == ("Nord", "Styregruppe", "Region Nordjylland"))
        let inner = try meeting(corpus, "drift/inner.md")
        #expect((inner.cluster, inner.forum, inner.organisation) == ("Nord", "Driftsforum", "Region Nordjylland"))
        let stated = try meeting(corpus, "drift/stated.md")
        #expect((stated.cluster, stated.forum) == ("Nord", "Klyngestyregruppe"), "the text states these")
        #expect(stated.organisation == "Region Nordjylland")

        #expect(
            Set(try corpus.hits("organisation:region-nordjylland kvarkmøllerne")) == ["top.md#1", "drift/inner.md#1"])
        #expect(try corpus.hits("forum:driftsforum") == ["drift/inner.md#1", "drift/inner.md#2"])
    }

    @Test(arguments: [
        (#"{"forum": "Driftsforum", "klynge": "Nord"}"#, #"unknown key "klynge""#),
        (#"{"forum": 3}"#, #"key "forum" must be a non-empty string"#),
        (#"["Nord"]"#, "not a JSON object"),
        (#"{"forum": "#, "not valid JSON"),
        ("directory", "cannot read the file"),
    ])
    func aMalformedFileIsOneWarningNamingFileAndKeyAndIsIgnored(json: String, problem: String) throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("referat.json", #"{"organisation": "Faxe Kommune"}"#)
        if json == "directory" {
            try FileManager.default.createDirectory(
                at: corpus.root.appendingPathComponent("social/referat.json"), withIntermediateDirectories: true)
        } else {
            try corpus.write("social/referat.json", json)
        }
        try corpus.write("social/a.md", unlabelledMinutes)
        let logs = LogCollector()
        let summary = try corpus.indexer(logs: logs).run()
        #expect(logs.messages.count == 1, "\(logs.messages)")
        #expect(logs.messages.first?.hasPrefix("social/referat.json: \(problem)") == true, "\(logs.messages)")
        #expect((summary.added, summary.failed, summary.warnings) == (1, 0, 1))
        let a = try meeting(corpus, "social/a.md")
        #expect((a.forum, a.organisation) == (nil, "Faxe Kommune"), "the outer folder's file still applies")
    }

    @Test func changingAFolderFileReindexesTheFilesBelowIt() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("top.md", unlabelledMinutes)
        try corpus.write("social/a.md", unlabelledMinutes)
        try corpus.write("social/b.md", unlabelledMinutes)
        _ = try corpus.indexer().run()
        #expect(try meeting(corpus, "social/a.md").forum == nil)

        try corpus.write("social/referat.json", #"{"forum": "Socialudvalget"}"#)
        let added = try corpus.indexer().run()
        #expect((added.updated, added.unchanged) == (2, 1))
        #expect(try meeting(corpus, "social/b.md").forum == "Socialudvalget")

        let unchanged = try corpus.indexer().run()
        #expect((unchanged.updated, unchanged.unchanged) == (0, 3))

        try corpus.write("social/referat.json", #"{"forum": "Ældrerådet"}"#)
        let edited = try corpus.indexer().run()
        #expect((edited.updated, edited.unchanged) == (2, 1))
        #expect(try meeting(corpus, "social/a.md").forum == "Ældrerådet")

        try FileManager.default.removeItem(at: corpus.root.appendingPathComponent("social/referat.json"))
        let removed = try corpus.indexer().run()
        #expect((removed.updated, removed.unchanged) == (2, 1))
        #expect(try meeting(corpus, "social/a.md").forum == nil)
    }
}
