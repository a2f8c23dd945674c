import Foundation

/// A set of known Danish word forms (lowercase, NFC), the dictionary behind `CompoundSplitter`.
///
/// The usual source is Debian's `wdanish` list (`/usr/share/dict/danish`, "Den store danske
/// ordliste", 313,013 full forms, GPL-2+; used as an installed package, never vendored), plus words
/// the caller has seen standing on their own in the corpus (`add`), e.g. "palliation", which the
/// list lacks.
public struct Lexicon: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missing(path: String)
        case unreadable(path: String, underlying: String)

        public var description: String {
            switch self {
            case .missing(let path):
                "Danish word list not found at \(path); install it with `apt-get install wdanish`"
            case .unreadable(let path, let underlying):
                "Danish word list at \(path) could not be read as UTF-8: \(underlying)"
            }
        }
    }

    private(set) var words: Set<String>

    /// The words, lowercased and NFC-normalised; empty lines are skipped.
    public init(words: some Sequence<String>) {
        self.words = []
        for word in words { add(word) }
    }

    /// Loads a word list with one word per line (UTF-8). Throws `LoadError.missing` when the file
    /// is not there.
    public static func load(path: String = "/usr/share/dict/danish") throws -> Lexicon {
        guard FileManager.default.fileExists(atPath: path) else { throw LoadError.missing(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError.unreadable(path: path, underlying: "\(error)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw LoadError.unreadable(path: path, underlying: "invalid UTF-8")
        }
        var lexicon = Lexicon(words: [])
        lexicon.words.reserveCapacity(320_000)
        // Split as bytes: going through Characters costs more than everything else the load does.
        data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                lexicon.add(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
        }
        return lexicon
    }

    /// Whether the UTF-8 bytes are a word `normalise` would leave as it is: no whitespace, no
    /// ASCII capital, and beyond ASCII only lowercase Latin-1 letters (æ ø å é …), which are NFC.
    /// Almost every line of the Danish list is; the rest takes the general path.
    private static func isNormalisedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte <= 0x20 || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { return false }
                index += 1
            } else if byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] >= 0x9F, bytes[index + 1] != 0xB7 {
                index += 2  // U+00DF…U+00FF but ÷: lowercase letters
            } else {
                return false
            }
        }
        return true
    }

    /// Adds one word (lowercased, NFC; surrounding whitespace trimmed).
    public mutating func add(_ word: String) {
        let normalised = Self.normalise(word)
        if !normalised.isEmpty { words.insert(normalised) }
    }

    /// Whether the word (lowercased, NFC) is in the lexicon.
    public func contains(_ word: String) -> Bool {
        words.contains(Self.normalise(word))
    }

    /// The number of distinct words.
    public var count: Int { words.count }

    /// Lookup for strings that are already lowercase NFC (the splitter's hot path).
    @inline(__always)
    func containsNormalised(_ word: String) -> Bool {
        words.contains(word)
    }

    static func normalise(_ word: String) -> String {
        var word = word
        if word.withUTF8(isNormalisedWord) { return word }
        // Trimmed scalar by scalar: Foundation's trimming bridges through NSString, which is most
        // of the cost of loading 313,000 words.
        var scalars = Substring(word).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars).lowercased().canonicallyComposed
    }
}
