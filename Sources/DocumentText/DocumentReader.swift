import Foundation

/// The text of one file, ready for `MinutesParser`: lines, with structure as the markdown
/// samples express it (`#` headings, `**…**` wholly bold lines, list numbers as text, table rows
/// with their cells tab-separated), blocks apart by a blank line.
public struct DocumentText: Sendable {
    public let format: DocumentFormat
    public let text: String
    /// How a text file was decoded when it was not UTF-8 ("Windows-1252", "UTF-16"), else nil.
    public let legacyEncoding: String?
}

/// Turns a file's bytes into text: detects the format by content (`DocumentFormat.detect`) and
/// hands the bytes to that format's reader.
public struct DocumentReader: Sendable {
    public var pdf: PDFReader
    public var docx: DOCXReader

    public init(pdf: PDFReader = PDFReader(), docx: DOCXReader = DOCXReader()) {
        self.pdf = pdf
        self.docx = docx
    }

    /// The text of `data`, read as the format its content shows (`name` breaks ties).
    public func read(_ data: Data, name: String) throws(DocumentTextError) -> DocumentText {
        let format = DocumentFormat.detect(data, name: name)
        var legacyEncoding: String?
        let text: String
        switch format {
        case .pdf: text = try pdf.text(of: data)
        case .docx: text = try docx.text(of: data)
        case .html: text = try HTMLReader.text(of: data)
        case .text: (text, legacyEncoding) = try PlainText.read(data)
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw .empty }
        return DocumentText(format: format, text: text, legacyEncoding: legacyEncoding)
    }
}
