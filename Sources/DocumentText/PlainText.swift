import Foundation

/// Text files: UTF-8 (a BOM dropped), UTF-16 with a byte-order mark, or else Windows-1252, the
/// usual legacy encoding of Danish documents. CRLF line ends are folded to LF.
public enum PlainText {
    /// The text of a text file and the legacy encoding it was read in (nil for UTF-8).
    static func read(_ data: Data) throws(DocumentTextError) -> (text: String, legacyEncoding: String?) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
            let text = String(data: data, encoding: .utf16)
        {
            return (foldingCRLF(text), "UTF-16")
        }
        guard !data.contains(0) else { throw .binary }
        let (text, legacy) = decode(data)
        return (text, legacy ? "Windows-1252" : nil)
    }

    /// The text of `data`: UTF-8 (a BOM dropped, CRLF folded), or else Windows-1252;
    /// `decodedAsLegacy` says which.
    public static func decode(_ data: Data) -> (text: String, decodedAsLegacy: Bool) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (foldingCRLF(text), false)
        }
        let text =
            String(data: bytes, encoding: .windowsCP1252) ?? String(data: bytes, encoding: .isoLatin1)
            ?? String(decoding: bytes, as: UTF8.self)
        return (foldingCRLF(text), true)
    }

    private static func foldingCRLF(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }
}
