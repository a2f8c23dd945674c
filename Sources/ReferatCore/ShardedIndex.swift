import Foundation
import Xapian

/// An index split into shards, one per top-level folder of the corpus (a publisher, a region),
/// each written by `referat index CORPUS --db ROOT --shard NAME`:
///
/// - `ROOT/shards/NAME/`: an ordinary Referat index (generations, incremental, crash-safe) of
///   the files under `CORPUS/NAME/`, their paths relative to `CORPUS`, so items keep the ids one
///   index of the whole corpus gives them;
/// - `ROOT/lexicon/`: a database without documents holding the spelling data (frequencies
///   summed) and synonyms of every shard, rewritten as a new generation after each shard's run.
///   Xapian's remote backend carries neither, so a stub of remote shards lists it first;
/// - `ROOT/XAPIANDB`: a stub of the local shards (`auto shards/NAME`), which `--db ROOT` searches
///   as one index. Local shards carry their own spelling data and synonyms (Xapian sums and joins
///   them over shards), so this stub does not list the lexicon.
public struct ShardedIndex: Sendable {
    public static let shardsFolder = "shards"
    public static let lexiconFolder = "lexicon"

    public let root: String

    public init(root: String) {
        self.root = root
    }

    private var location: IndexLocation { IndexLocation(path: root) }

    /// Whether `path` holds shards (then only `--shard` runs may write it).
    public static func isSharded(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: IndexLocation(path: path).file(shardsFolder))
    }

    /// A shard's name is a top-level folder of the corpus: one path component.
    public static func validate(shardName name: String) throws {
        let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
        guard !name.isEmpty, allowed, !name.hasPrefix(".") else {
            throw ReferatError.badParameter(
                name: "shard", reason: "\"\(name)\" is not a top-level folder name (letters, digits, - _ .)")
        }
    }

    public func shardPath(_ name: String) -> String {
        location.file(Self.shardsFolder + "/" + name)
    }

    /// The shards written so far, by name.
    public var shardNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.file(Self.shardsFolder))) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// After a shard's run: rewrites the lexicon from every shard's spelling data and synonyms as
    /// a new generation (readers see the old one or the new one), and the stub of the local
    /// shards. Under the root's lock, so shards indexed at once take turns here.
    public func refresh() throws {
        let lock = try location.lock(wait: true)
        defer { withExtendedLifetime(lock) {} }
        let names = shardNames
        var spellings: [String: Int] = [:]
        var synonyms: Set<Pair> = []
        for name in names {
            let shard: Database
            do {
                shard = try Database(path: shardPath(name))
            } catch {
                throw ReferatError.indexUnreadable(path: shardPath(name), reason: error.message)
            }
            for (word, frequency) in try shard.spellings() { spellings[word, default: 0] += frequency }
            for key in try shard.synonymKeys() {
                for synonym in try shard.synonyms(for: key) { synonyms.insert(Pair(key: key, synonym: synonym)) }
            }
        }
        try writeLexicon(spellings: spellings, synonyms: synonyms)
        try location.writeStub(text: names.map { "auto \(Self.shardsFolder)/\($0)\n" }.joined())
    }

    private struct Pair: Hashable {
        var key: String
        var synonym: String
    }

    /// A new database at `path` holding only the spelling data and synonyms.
    private static func write(spellings: [String: Int], synonyms: Set<Pair>, into path: String) throws(XapianError) {
        let writer = try WritableDatabase(path: path, mode: .createOrOverwrite)
        for (word, frequency) in spellings.sorted(by: { $0.key < $1.key }) {
            try writer.addSpelling(word, increment: frequency)
        }
        for pair in synonyms.sorted(by: { ($0.key, $0.synonym) < ($1.key, $1.synonym) }) {
            try writer.addSynonym(pair.synonym, for: pair.key)
        }
        try writer.commit()
        try writer.close()
    }

    private func writeLexicon(spellings: [String: Int], synonyms: Set<Pair>) throws {
        let lexicon = IndexLocation(path: location.file(Self.lexiconFolder))
        try FileManager.default.createDirectory(atPath: lexicon.path, withIntermediateDirectories: true)
        let next = IndexLocation.generationName((lexicon.generations().map(\.number).max() ?? 0) + 1)
        do {
            try Self.write(spellings: spellings, synonyms: synonyms, into: lexicon.file(next))
        } catch {
            throw ReferatError.indexUnreadable(path: lexicon.path, reason: error.message)
        }
        try lexicon.writeStub(generation: next)
        lexicon.removeGenerations(except: lexicon.generationsInUse())
    }
}
