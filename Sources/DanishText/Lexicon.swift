import Foundation

/// A set of known Danish word forms (lowercase, NFC), the dictionary behind `CompoundSplitter`.
///
/// The usual source is Debian's `wdanish` list (`/usr/share/dict/danish`, "Den store danske
/// ordliste", 313,013 full forms, GPL-2+; used as an installed package, never vendored), plus words
/// the caller has seen standing on their own in the corpus (`add`), e.g. "palliation", which the
/// list lacks.
///
/// The words are kept as one block of UTF-8 bytes with a hash table of where each starts
/// (`WordTable`), not as a `Set<String>`: loading the list then makes no string per word, which
/// was most of a one-off search's time, and a look-up hashes and compares bytes.
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

    private var table: WordTable

    /// The words, lowercased and NFC-normalised; empty lines are skipped.
    public init(words: some Sequence<String>) {
        table = WordTable(capacity: words.underestimatedCount)
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
        return data.withUnsafeBytes { buffer in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var lexicon = Lexicon(words: [])
            lexicon.table = WordTable(capacity: bytes.count(where: { $0 == UInt8(ascii: "\n") }) + 1)
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Almost every line is a word as `normalise` would leave it: taken as bytes.
                if isNormalisedWord(line) {
                    lexicon.table.insert(line)
                } else {
                    lexicon.add(String(decoding: line, as: UTF8.self))
                }
                start = end + 1
            }
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

    /// Adds one word (lowercased, NFC; surrounding whitespace trimmed).
    public mutating func add(_ word: String) {
        var normalised = Self.normalise(word)
        if !normalised.isEmpty { normalised.withUTF8 { table.insert($0) } }
    }

    /// Whether the word (lowercased, NFC) is in the lexicon.
    public func contains(_ word: String) -> Bool {
        containsNormalised(Self.normalise(word))
    }

    /// The number of distinct words.
    public var count: Int { table.count }

    /// Lookup for strings that are already lowercase NFC (the splitter's hot path).
    @inline(__always)
    func containsNormalised(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { table.contains($0) }
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

/// A set of byte strings: their bytes one after the other, and an open-addressing hash table
/// (linear probing, at most half full) whose slots each hold a word's offset, length and a few
/// bits of its hash, so that most probes that miss compare no bytes.
struct WordTable: Sendable {
    private var bytes: [UInt8] = []
    /// 0 is empty; else offset << 32 | length << 16 | the hash's top 16 bits.
    private var slots: [UInt64]
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// FNV-1a, its high half folded in: the table indexes by the low bits.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, found: Bool) {
        let mask = slots.count - 1
        let check = (UInt64(word.count) << 16) | (hash >> 48)
        var index = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                while true {
                    let slot = slots[index]
                    if slot == 0 { return (index, false) }
                    if slot & 0xFFFF_FFFF == check,
                        memcmp(bytes.baseAddress! + Int(slot >> 32), word.baseAddress!, word.count) == 0
                    {
                        return (index, true)
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, word.count <= 0xFFFF else { return false }
        return slot(of: word, hash: Self.hash(word)).found
    }

    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
        guard !word.isEmpty, word.count <= 0xFFFF else { return }
        if 2 * (count + 1) > slots.count { grow() }
        let hash = Self.hash(word)
        let (index, found) = slot(of: word, hash: hash)
        guard !found else { return }
        slots[index] = UInt64(bytes.count) << 32 | UInt64(word.count) << 16 | hash >> 48
        bytes.append(contentsOf: word)
        count += 1
    }

    /// Twice the slots, every word placed again.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { bytes in
            for slot in old where slot != 0 {
                let word = UnsafeBufferPointer(
                    rebasing: bytes[Int(slot >> 32)..<Int(slot >> 32) + Int((slot >> 16) & 0xFFFF)])
                var index = Int(truncatingIfNeeded: Self.hash(word)) & mask
                while slots[index] != 0 { index = (index + 1) & mask }
                slots[index] = slot
            }
        }
    }
}
