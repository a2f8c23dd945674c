// PLACEHOLDER: replaced by the DanishText implementation. Signatures are the contract.
import Foundation

/// Normalises the markdown-ish text exported from PDF/DOCX minutes.
public enum Normalizer {
    /// One line cleaned of inline markup: HTML-ish tags, markdown marks, NFC, soft hyphens,
    /// tabs and runs of whitespace folded to one space, trimmed.
    public static func cleanLine(_ line: String) -> String {
        line.trimmingCharacters(in: .whitespaces)
    }

    /// A block of several lines normalised for indexing and display: every line cleaned,
    /// words hyphenated across a line break joined, paragraphs separated by one blank line.
    public static func normalize(_ text: String) -> String {
        text
    }
}
