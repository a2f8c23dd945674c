import Foundation

/// The kinds of file Referat reads, known by their content first and their name second.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, pdf, docx, html

    /// The file-name extensions of files that may be minutes.
    public static let extensions: Set<String> = ["txt", "md", "pdf", "docx", "html", "htm"]

    /// The format of `data`: a PDF by its `%PDF-` signature (anywhere in the first kilobyte, as
    /// readers allow), a DOCX by a ZIP signature, HTML by a doctype or a leading `<html`/`<head`/
    /// `<body>`-like tag; otherwise the extension of `name` decides between DOCX (a ZIP that is
    /// broken) and text.
    public static func detect(_ data: Data, name: String) -> DocumentFormat {
        let head = data.prefix(1024)
        if head.range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .docx
        }
        if looksLikeHTML(head) { return .html }
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": return .pdf
        case "docx": return .docx
        case "html", "htm": return .html
        default: return .text
        }
    }

    /// The first tag (after a BOM, white space and comments) is a doctype or an HTML element
    /// that only a web page starts with. Markdown may contain inline tags, but not first.
    private static func looksLikeHTML(_ head: Data) -> Bool {
        var text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("<!--"), let end = rest.range(of: "-->") else { break }
            rest = rest[end.upperBound...]
        }
        if rest.hasPrefix("<?xml") { rest = rest.drop { $0 != ">" }.dropFirst().drop { $0.isWhitespace } }
        return ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"].contains { rest.hasPrefix($0) }
    }
}
