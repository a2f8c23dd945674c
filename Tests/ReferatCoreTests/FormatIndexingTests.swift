import DocumentText
import Foundation
import ReferatTestSupport
import Testing

@testable import ReferatCore

/// `referat index` over a corpus of every format: good files indexed, each bad one one
/// warning naming it, and the run goes on.
@Suite struct FormatIndexingTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/formats")

    func fixture(_ path: String) throws -> Data { try Data(contentsOf: Self.fixtures.appendingPathComponent(path)) }

    @Test func goodFilesOfEveryFormatAreIndexedAndEachBadOneWarnedAbout() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.txt", try corpus.sample("000_9285af0b1d2d00d2.txt"))
        try corpus.write("b.pdf", try fixture("pdf/001_b7c9c314a7c852bc.pdf"))
        try corpus.write("c.docx", try fixture("docx/002_76e1cc869024a7c4.docx"))
        try corpus.write("d.html", try fixture("html/003_ba1bb07e974decf3.html"))
        try corpus.write("e.htm", try fixture("html/004_6fef7745cb6f1a69.html"))
        try corpus.write("pdf-named.txt", try fixture("pdf/004_6fef7745cb6f1a69.pdf"))
        try corpus.write("bad/encrypted.pdf", try fixture("bad/encrypted.pdf"))
        try corpus.write("bad/truncated.pdf", try fixture("pdf/004_6fef7745cb6f1a69.pdf").prefix(3000))
        try corpus.write("bad/not-a-zip.docx", "Referat\n")
        try corpus.write("bad/broken.docx", Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 100))

        let logs = LogCollector()
        let summary = try corpus.indexer(logs: logs).run()
        let bad = ["bad/encrypted.pdf", "bad/truncated.pdf", "bad/not-a-zip.docx", "bad/broken.docx"]
        #expect((summary.added, summary.failed, summary.warnings) == (6, bad.count, 0), "\(logs.messages)")
        for name in bad {
            #expect(logs.messages.filter { $0.hasPrefix(name + ": skipped") }.count == 1, "\(name): \(logs.messages)")
        }
        #expect(logs.messages.count == bad.count, "\(logs.messages)")
        #expect(logs.messages.contains { $0.hasPrefix("bad/encrypted.pdf: skipped: encrypted PDF") })
        // Each good file's agenda items are searchable (no file fell back to one whole item).
        #expect(try corpus.hits("mobillaborantordningen").contains("a.txt#5"))
        #expect(try corpus.hits("eNærhospital").contains("b.pdf#2"))
        #expect(try corpus.hits("klyngemidler").contains("c.docx#5"))
        #expect(try corpus.hits("kommissorium Midtklyngens").contains("d.html#3"))
        #expect(try corpus.hits("årshjul").contains("e.htm#3"))
        #expect(try corpus.hits("årshjul").contains("pdf-named.txt#3"))
    }

    @Test func aMissingPdftotextIsOneErrorAndKeepsWhatWasIndexed() throws {
        let corpus = try TestCorpus(samples: false)
        try corpus.write("a.pdf", try fixture("pdf/001_b7c9c314a7c852bc.pdf"))
        _ = try corpus.indexer().run()
        try corpus.write("b.pdf", try fixture("pdf/004_6fef7745cb6f1a69.pdf"))
        try corpus.write("c.pdf", try fixture("pdf/003_ba1bb07e974decf3.pdf"))
        try corpus.write("a.pdf", try fixture("pdf/002_76e1cc869024a7c4.pdf"))
        try corpus.write("d.docx", try fixture("docx/000_9285af0b1d2d00d2.docx"))

        var options = IndexOptions()
        options.reader.pdf.executable = "/nonexistent/pdftohtml"
        let logs = LogCollector()
        let summary = try corpus.indexer(options, logs: logs).run()
        #expect(logs.messages.count == 1, "\(logs.messages)")
        #expect(logs.messages.first?.contains("poppler-utils") == true)
        #expect((summary.added, summary.failed, summary.missingConverters) == (1, 3, ["pdftohtml"]))
        #expect(try corpus.hits("eNærhospital").contains("a.pdf#2"), "a.pdf keeps its items")
    }
}
