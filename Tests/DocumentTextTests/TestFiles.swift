import Foundation
import ReferatTestSupport
import ZIPFoundation

/// The committed format fixtures and small files made in the tests.
enum TestFiles {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/formats")
    static let samples = [
        "000_9285af0b1d2d00d2", "001_b7c9c314a7c852bc", "002_76e1cc869024a7c4", "003_ba1bb07e974decf3",
        "004_6fef7745cb6f1a69",
    ]

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(path))
    }

    /// A one-page PDF that draws a filled square and no text (as a scan has only an image).
    static func pdfWithoutText() -> Data {
        let content = "0 0 1 rg 20 20 160 160 re f"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// A ZIP archive of `entries` (path, bytes), deflated.
    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try require(archive.data)
    }

    static let wordNamespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A DOCX of `body` (the XML inside `w:body`) and optional numbering and styles parts.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil) throws -> Data {
        var entries = [
            ("word/document.xml", Data("<w:document \(wordNamespace)><w:body>\(body)</w:body></w:document>".utf8))
        ]
        if let numbering {
            entries.append(
                ("word/numbering.xml", Data("<w:numbering \(wordNamespace)>\(numbering)</w:numbering>".utf8)))
        }
        if let styles {
            entries.append(("word/styles.xml", Data("<w:styles \(wordNamespace)>\(styles)</w:styles>".utf8)))
        }
        return try zip(entries)
    }

    /// A Word paragraph: its text, optionally in a list (numId, level) or a style, and bold.
    static func paragraph(_ text: String, list: (Int, Int)? = nil, style: String? = nil, bold: Bool = false) -> String {
        let numbering = list.map { "<w:numPr><w:ilvl w:val=\"\($0.1)\"/><w:numId w:val=\"\($0.0)\"/></w:numPr>" } ?? ""
        let styleXML = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        let run = (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">\(text)</w:t>"
        return "<w:p><w:pPr>\(styleXML)\(numbering)</w:pPr><w:r>\(run)</w:r></w:p>"
    }
}

struct MissingArchiveData: Error {}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingArchiveData() }
    return value
}
