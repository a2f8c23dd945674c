import Foundation

/// A set of known Danish word forms (lowercase, NFC), the dictionary behind `CompoundSplitter`.
///
/// The usual source is Debian's `wdanish` list (`/usr/share/dict/danish`, "Den store danske
/// ordliste", 313,013 full forms, GPL-2+; used as an installed package, never vendored), plus words
/// the caller has seen standing on their own in the corpus (`add`), e.g. "palliation", which the
/// list lacks.
///
/// The words are kept as one block of UTF-8 bytes in byte order (`SortedWords`), not as a
/// `Set<String>`: loading the list, which is sorted so, then makes no string per word, which
/// was most of a one-off search's time.
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

    private var words: SortedWords

    /// The words, lowercased and NFC-normalised; empty lines are skipped.
    public init(words: some Sequence<String>) {
        self.words = SortedWords().merged(
            with: words.map { Array(Self.normalise($0).utf8) }.filter { !$0.isEmpty })
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
        return data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var words = SortedWords()
            // Lines out of byte order or not yet normalised, sorted in at the end.
            var extra: [[UInt8]] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Almost every line is a word as `normalise` would leave it: taken as bytes.
                if !(isNormalisedWord(line) && words.append(line)) {
                    let normalised = normalise(String(decoding: line, as: UTF8.self))
                    if !normalised.isEmpty { extra.append(Array(normalised.utf8)) }
                }
                start = end + 1
            }
            var lexicon = Lexicon(words: [])
            lexicon.words = extra.isEmpty ? words : words.merged(with: extra)
            return lexicon
        }
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

    /// Adds one word (lowercased, NFC; surrounding whitespace trimmed). Copies the list: for a
    /// few words.
    public mutating func add(_ word: String) {
        let normalised = Self.normalise(word)
        if !normalised.isEmpty { words = words.merged(with: [Array(normalised.utf8)]) }
    }

    /// Whether the word (lowercased, NFC) is in the lexicon.
    public func contains(_ word: String) -> Bool {
        containsNormalised(Self.normalise(word))
    }

    /// The number of distinct words.
    public var count: Int { words.count }

    /// Lookup for strings that are already lowercase NFC (the splitter's hot path).
    @inline(__always)
    func containsNormalised(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { words.contains($0) }
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

/// Words in byte order, their UTF-8 bytes one after the other, found by bisection. Loading the
/// byte-sorted word list is one sequential pass that makes no string per word; filling a hash
/// table instead spent most of the load on cache misses.
struct SortedWords: Sendable {
    private var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; it starts where the one before ends.
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    /// Appends `word` when it sorts after the last word; false (nothing appended) otherwise.
    mutating func append(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        if let last = ends.last {
            let previousStart = ends.count > 1 ? Int(ends[ends.count - 2]) : 0
            let ordered = bytes.withUnsafeBufferPointer { bytes in
                Self.compare(UnsafeBufferPointer(rebasing: bytes[previousStart..<Int(last)]), word) < 0
            }
            guard ordered else { return false }
        }
        bytes.append(contentsOf: word)
        ends.append(UInt32(bytes.count))
        return true
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                var low = 0
                var high = ends.count
                while low < high {
                    let middle = (low + high) / 2
                    let start = middle > 0 ? Int(ends[middle - 1]) : 0
                    let order = Self.compare(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[middle])]), word)
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    /// These words and `extra` (any order, duplicates allowed) as one sorted run.
    func merged(with extra: [[UInt8]]) -> SortedWords {
        let sortedExtra = extra.sorted { $0.lexicographicallyPrecedes($1) }
        var result = SortedWords()
        result.bytes.reserveCapacity(bytes.count + extra.reduce(0) { $0 + $1.count })
        result.ends.reserveCapacity(ends.count + extra.count)
        bytes.withUnsafeBufferPointer { bytes in
            var next = 0
            var start = 0
            for end in ends {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<Int(end)])
                while next < sortedExtra.count,
                    sortedExtra[next].withUnsafeBufferPointer({ Self.compare($0, word) < 0 })
                {
                    _ = sortedExtra[next].withUnsafeBufferPointer { result.append($0) }
                    next += 1
                }
                _ = result.append(word)
                start = Int(end)
            }
            for word in sortedExtra[next...] { _ = word.withUnsafeBufferPointer { result.append($0) } }
        }
        return result
    }

    /// Byte-wise order, a prefix first: negative, zero or positive.
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
        return common != 0 ? Int(common) : a.count - b.count
    }
}
