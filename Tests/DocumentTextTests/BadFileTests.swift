import Foundation
import ReferatTestSupport
import Testing

@testable import DocumentText

/// Each kind of bad file gives one typed error, which names what is wrong.
@Suite struct BadFileTests {
    let reader = DocumentReader()

    func error(_ data: Data, name: String, reader: DocumentReader? = nil) -> DocumentTextError? {
        do {
            _ = try (reader ?? self.reader).read(data, name: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func anEncryptedPDF() throws {
        #expect(error(try TestFiles.fixture("bad/encrypted.pdf"), name: "a.pdf") == .pdfEncrypted)
    }

    @Test func aTruncatedPDF() throws {
        let pdf = try TestFiles.fixture("pdf/004_6fef7745cb6f1a69.pdf")
        let failure = error(pdf.prefix(3000), name: "a.pdf")
        guard case .pdfDamaged(let detail) = failure else {
            Issue.record("\(String(describing: failure))")
            return
        }
        #expect(!detail.isEmpty)
    }

    @Test func aPDFWithoutText() {
        #expect(error(TestFiles.pdfWithoutText(), name: "scan.pdf") == .pdfWithoutText(pages: 1))
        #expect("\(DocumentTextError.pdfWithoutText(pages: 1))".contains("scanned"))
    }

    @Test func pdftohtmlHangingIsStoppedAtTheTimeLimit() throws {
        let directory = TemporaryDirectory()
        let script = directory.path("pdftohtml")
        // exec: the sleeping process is the child itself, which the time limit kills.
        try "#!/bin/sh\nexec sleep 60\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let slow = DocumentReader(pdf: PDFReader(executable: script, timeLimit: 0.5))
        let started = Date()
        #expect(
            error(TestFiles.pdfWithoutText(), name: "a.pdf", reader: slow)
                == .converterTimedOut(tool: "pdftohtml", seconds: 0.5))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func pdftohtmlWritingTooMuchIsStopped() throws {
        let small = DocumentReader(pdf: PDFReader(outputLimit: 100))
        let failure = error(try TestFiles.fixture("pdf/004_6fef7745cb6f1a69.pdf"), name: "a.pdf", reader: small)
        #expect(failure == .converterOutputTooLarge(tool: "pdftohtml", limit: 100))
    }

    @Test func pdftohtmlMissingNamesTheDebianPackage() throws {
        let missing = DocumentReader(pdf: PDFReader(executable: "/nonexistent/pdftohtml"))
        let failure = error(try TestFiles.fixture("pdf/004_6fef7745cb6f1a69.pdf"), name: "a.pdf", reader: missing)
        #expect(failure == .converterMissing(tool: "pdftohtml", package: "poppler-utils"))
        #expect("\(failure!)".contains("poppler-utils"))
    }

    @Test func aDOCXThatIsNotAZip() {
        guard case .notAZip = error(Data("Referat\n1. Punkt\n".utf8), name: "referat.docx") else {
            Issue.record("expected notAZip")
            return
        }
        guard case .notAZip = error(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), name: "x.txt") else {
            Issue.record("a ZIP signature is a DOCX whatever the name")
            return
        }
    }

    @Test func aDOCXWithoutItsDocumentPart() throws {
        let zip = try TestFiles.zip([("word/styles.xml", Data("<x/>".utf8))])
        #expect(error(zip, name: "a.docx") == .missingPart("word/document.xml"))
    }

    @Test func aDOCXWithBrokenXML() throws {
        let zip = try TestFiles.zip([("word/document.xml", Data("<w:document><w:body><w:p><w:t>Tekst</w:p>".utf8))])
        let failure = error(zip, name: "a.docx")
        guard case .brokenXML(let part, _) = failure else {
            Issue.record("expected brokenXML, not \(String(describing: failure))")
            return
        }
        #expect(part == "word/document.xml")
    }

    @Test func aZipBombIsNotInflatedPastTheCap() throws {
        // 4 MB of one repeated paragraph deflates to a few kilobytes.
        let paragraph = TestFiles.paragraph("Punkt")
        let body = String(repeating: paragraph, count: 4_000_000 / paragraph.utf8.count)
        let bomb = try TestFiles.docx(body: body)
        #expect(bomb.count < 100_000)
        let capped = DocumentReader(docx: DOCXReader(entryLimit: 1_000_000))
        #expect(
            error(bomb, name: "a.docx", reader: capped)
                == .tooLargeUncompressed(part: "word/document.xml", limit: 1_000_000))
        // The total over all parts is capped too.
        let total = DocumentReader(docx: DOCXReader(totalLimit: 1_000_000))
        #expect(
            error(bomb, name: "a.docx", reader: total)
                == .tooLargeUncompressed(part: "word/document.xml", limit: 1_000_000))
    }

    @Test func emptyAndBinaryText() {
        #expect(error(Data(" \n\t\n".utf8), name: "a.txt") == .empty)
        #expect(error(Data([0x41, 0x00, 0x42]), name: "a.txt") == .binary)
        #expect(
            error(Data("<!DOCTYPE html><html><body><script>x()</script></body></html>".utf8), name: "a.html") == .empty)
    }
}
