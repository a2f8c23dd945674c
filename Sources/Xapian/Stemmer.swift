internal import CXapian

/// A Snowball stemmer, e.g. `Stemmer(language: "danish")`.
public final class Stemmer {
    let handle: OpaquePointer
    public let language: String

    public init(language: String) throws(XapianError) {
        let handle = try check { xap_stem_new(language, $0) }
        guard let handle else { throw XapianError.outOfMemory }
        self.handle = handle
        self.language = language
    }

    deinit {
        xap_stem_free(handle)
    }

    /// The stem of `word` (expected lowercase).
    public func stem(_ word: String) throws(XapianError) -> String {
        var stemmed: UnsafeMutablePointer<CChar>?
        try check { xap_stem_word(handle, word, &stemmed, $0) }
        return takeString(stemmed)
    }
}

@available(*, unavailable, message: "Xapian handles are not thread-safe")
extension Stemmer: Sendable {}
