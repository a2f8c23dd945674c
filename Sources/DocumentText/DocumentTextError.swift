/// Why a file's bytes gave no text. Each is reported as one line naming the file; the file
/// counts as failed and the run goes on, except `converterMissing`, which is said once a run.
public enum DocumentTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An external converter (pdftohtml) is not installed: the Debian package that has it.
    case converterMissing(tool: String, package: String)
    /// The converter ran past the time limit and was killed.
    case converterTimedOut(tool: String, seconds: Double)
    /// The converter wrote more than the output limit and was stopped.
    case converterOutputTooLarge(tool: String, limit: Int)
    /// The converter failed: its exit status and the first line it printed.
    case converterFailed(tool: String, status: Int32, message: String)
    case pdfEncrypted
    case pdfDamaged(String)
    /// A PDF whose pages carry no text (scanned images, usually).
    case pdfWithoutText(pages: Int)
    case notAZip(String)
    /// A ZIP without the part every Word document has.
    case missingPart(String)
    /// An archive entry (or the archive) inflates past the limit: read no further.
    case tooLargeUncompressed(part: String, limit: Int)
    case brokenXML(part: String, detail: String)
    case htmlUnreadable
    /// NUL bytes in what is not a known binary format.
    case binary
    case empty

    public var description: String {
        switch self {
        case .converterMissing(let tool, let package):
            "\(tool) is not installed: PDF files need it (Debian package \(package))"
        case .converterTimedOut(let tool, let seconds):
            "\(tool) took longer than \(Self.format(seconds)) s and was stopped (the PDF time limit)"
        case .converterOutputTooLarge(let tool, let limit):
            "\(tool) wrote more than \(limit) bytes of text and was stopped (the text size limit)"
        case .converterFailed(let tool, let status, let message):
            "\(tool) failed (exit status \(status))" + (message.isEmpty ? "" : ": \(message)")
        case .pdfEncrypted: "encrypted PDF (needs a password to open)"
        case .pdfDamaged(let detail): "damaged PDF" + (detail.isEmpty ? "" : " (\(detail))")
        case .pdfWithoutText(let pages):
            "PDF with no text layer (\(pages) page\(pages == 1 ? "" : "s") of images only, probably scanned; run OCR first)"
        case .notAZip(let detail): "not a valid DOCX: not a readable ZIP archive (\(detail))"
        case .missingPart(let part): "not a valid DOCX: no \(part) in the archive"
        case .tooLargeUncompressed(let part, let limit):
            "\(part) inflates past \(limit) bytes (a ZIP bomb?): not read"
        case .brokenXML(let part, let detail): "broken XML in \(part): \(detail)"
        case .htmlUnreadable: "HTML that libxml2 cannot parse"
        case .binary: "binary file (contains NUL bytes)"
        case .empty: "empty file (only white space)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
