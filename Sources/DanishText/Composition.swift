import Foundation

extension String {
    /// The text in Unicode NFC, as Xapian and the index expect it.
    ///
    /// Foundation's NFC conversion is slow and almost always a no-op here: text whose UTF-8
    /// has no byte from 0xCC up holds only characters below U+0300, all of which are their
    /// own NFC (no combining marks, no decomposable sequences), so it is returned as it is.
    var canonicallyComposed: String {
        utf8.allSatisfy { $0 < 0xCC } ? self : precomposedStringWithCanonicalMapping
    }
}
