import Foundation

/// A set of known Danish word forms (lowercase, NFC), the dictionary behind `CompoundSplitter`.
///
/// The usual source is Debian's `wdanish` list (`/usr/share/dict/danish`, "Den store danske
/// ordliste", 313,013 full forms, GPL-2+; used as an installed package, never vendored), plus words
/// the caller has seen standing on their own in the corpus (`add`), e.g. "palliation", which the
/// list lacks.
///
/// The list is searched where it lies: the file is mapped into memory, not copied, and a word is
/// found by bisection over its lines (`ListedWords`), which are sorted in byte order. Loading is
/// then one pass that notes where each line starts, the cost a one-off search pays for the
/// list (`referat search palliation`).
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

    /// The word list's lines that are words as `normalise` leaves them, in byte order.
    private var listed = ListedWords()
    /// Everything else: the list's other lines normalised, and words added.
    private var extra = SortedWords()

    /// The words, lowercased and NFC-normalised; empty lines are skipped.
    public init(words: some Sequence<String>) {
        extra = SortedWords().merged(with: words.map { Array(Self.normalise($0).utf8) }.filter { !$0.isEmpty })
    }

    /// Where the lexicon was loaded from: the list's lines, or what an earlier load kept.
    enum Source: Equatable { case list, cache }
    private(set) var source = Source.list

    /// Loads a word list with one word per line (UTF-8). Throws `LoadError.missing` when the file
    /// is not there. With `cacheDirectory`, what the pass over the lines finds is kept there
    /// (`LexiconCache`) for the next process to load instead, while the list is unchanged.
    public static func load(path: String = "/usr/share/dict/danish", cacheDirectory: URL? = nil) throws -> Lexicon {
        guard FileManager.default.fileExists(atPath: path) else { throw LoadError.missing(path: path) }
        let file: Data
        do {
            file = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw LoadError.unreadable(path: path, underlying: "\(error)")
        }
        guard file.count < UInt32.max else {
            // Line offsets are 32-bit: a word list is a few megabytes.
            throw LoadError.unreadable(path: path, underlying: "over 4 GB")
        }
        let cache = cacheDirectory.flatMap { LexiconCache(directory: $0, list: path) }
        if let kept = cache?.read(), let listed = ListedWords(file: file, starts: kept.listed) {
            var lexicon = Lexicon(words: [])
            lexicon.listed = listed
            lexicon.extra = kept.extra
            lexicon.source = .cache
            return lexicon
        }
        let lexicon = try scan(file, path: path)
        cache?.write(listed: lexicon.listed.starts, extra: lexicon.extra)
        return lexicon
    }

    /// The list's lines, one pass: where each normalised word in byte order starts, and the
    /// other lines normalised.
    private static func scan(_ file: Data, path: String) throws -> Lexicon {
        var lexicon = Lexicon(words: [])
        var others: [[UInt8]] = []
        var invalid = false
        lexicon.listed = ListedWords(file: file) { line in
            // Lines out of byte order or not yet normalised (in the Danish list the 5% with
            // capitals, "A-aktie", "Aabenraa"): normalised and kept apart.
            guard let text = String(validating: line, as: UTF8.self) else {
                invalid = true
                return
            }
            let normalised = normalise(text)
            if !normalised.isEmpty { others.append(Array(normalised.utf8)) }
        }
        if invalid { throw LoadError.unreadable(path: path, underlying: "invalid UTF-8") }
        lexicon.extra = SortedWords().merged(with: others.filter { !lexicon.listed.contains($0) })
        return lexicon
    }

    /// Whether the UTF-8 bytes are a word `normalise` would leave as it is: no whitespace, no
    /// ASCII capital, and beyond ASCII only lowercase Latin-1 letters (æ ø å é …), which are NFC.
    /// Almost every line of the Danish list is; the rest takes the general path. Such bytes are
    /// valid UTF-8.
    static func isNormalisedWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// Adds one word (lowercased, NFC; surrounding whitespace trimmed). Copies the added words:
    /// for a few.
    public mutating func add(_ word: String) {
        let normalised = Array(Self.normalise(word).utf8)
        if !normalised.isEmpty, !listed.contains(normalised) { extra = extra.merged(with: [normalised]) }
    }

    /// Whether the word (lowercased, NFC) is in the lexicon.
    public func contains(_ word: String) -> Bool {
        containsNormalised(Self.normalise(word))
    }

    /// Lookup for strings that are already lowercase NFC (the splitter's hot path).
    @inline(__always)
    func containsNormalised(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { listed.contains($0) || extra.contains($0) }
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

/// A word list file's lines in byte order, found by bisection in the file's own bytes (mapped,
/// not copied). Only where each line starts is kept; a line that is not a normalised word, or
/// that does not sort after the line kept before it, is handed to the caller instead.
struct ListedWords: Sendable {
    private let file: Data
    /// Where each kept line starts; it ends at the next newline (or the end of the file).
    private(set) var starts: [UInt32] = []

    init() { file = Data() }

    /// The lines starting at `starts` (a scan's, kept: `LexiconCache`), or nil when one lies
    /// outside `file`.
    init?(file: Data, starts: [UInt32]) {
        guard starts.allSatisfy({ Int($0) < file.count }) else { return nil }
        self.file = file
        self.starts = starts
    }

    init(file: Data, other: (UnsafeBufferPointer<UInt8>) -> Void) {
        self.file = file
        var starts: [UInt32] = []
        file.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // About 12 bytes a line in the Danish list: reserved once, not grown by copying.
            starts.reserveCapacity(bytes.count / 8)
            var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var start = 0
            while start < bytes.count {
                let end = Self.lineEnd(in: bytes, from: start)
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !line.isEmpty {
                    if Lexicon.isNormalisedWord(line), previous.isEmpty || SortedWords.compare(previous, line) < 0 {
                        starts.append(UInt32(start))
                        previous = line
                    } else {
                        other(line)
                    }
                }
                start = end + 1
            }
        }
        self.starts = starts
    }

    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress,
            let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        else { return bytes.count }
        return base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, !starts.isEmpty else { return false }
        return file.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return starts.withUnsafeBufferPointer { starts in
                var low = 0
                var high = starts.count
                while low < high {
                    let middle = (low + high) / 2
                    let start = Int(starts[middle])
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<Self.lineEnd(in: bytes, from: start)])
                    let order = SortedWords.compare(line, word)
                    if order == 0 { return true }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }
}

/// Words in byte order, their UTF-8 bytes one after the other, found by bisection: the few words
/// beside the mapped list (`Lexicon`).
struct SortedWords: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in `bytes`; it starts where the one before ends.
    private(set) var ends: [UInt32] = []

    init() {}

    /// Words kept from an earlier run, or nil when `ends` does not rise through `bytes`.
    init?(bytes: [UInt8], ends: [UInt32]) {
        var previous: UInt32 = 0
        for end in ends {
            guard end > previous else { return nil }
            previous = end
        }
        guard Int(previous) == bytes.count else { return nil }
        self.bytes = bytes
        self.ends = ends
    }

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
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
        return common != 0 ? Int(common) : a.count - b.count
    }
}
