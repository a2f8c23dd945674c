import Foundation
import ReferatCore

/// Paths of the repository and its shared data, found from this file's location.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let corpus = root.appendingPathComponent("corpus")
    /// `shared/` beside the repository (CI clones it there).
    public static let shared = root.appendingPathComponent("../shared").standardizedFileURL
}

/// A temporary directory that removes itself when released.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("referat-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The sample corpus indexed once into a temporary database, shared by the read-only tests.
public enum SampleIndex {
    static let directory = TemporaryDirectory()
    public static let path: String = {
        let path = directory.path("index")
        _ = try! Indexer(corpusRoot: Repository.corpus, databasePath: path).run()
        return path
    }()

    public static func searcher() throws -> Searcher { try Searcher(databasePath: path) }
}

/// The sample corpus in three top-level folders (`a`: files 000–001, `b`: 002–003, `c`: 004),
/// indexed once as one index and once as three shards (`ShardedIndex`), to compare the two.
public enum ShardedSamples {
    static let directory = TemporaryDirectory()
    public static let groups = ["a", "b", "c"]

    public static let corpus: URL = {
        let corpus = directory.url.appendingPathComponent("corpus")
        let files = try! FileManager.default.contentsOfDirectory(atPath: Repository.corpus.path)
            .filter { $0 != Synonyms.fileName }.sorted()
        for (index, file) in files.enumerated() {
            let group = corpus.appendingPathComponent(groups[min(index / 2, groups.count - 1)])
            try! FileManager.default.createDirectory(at: group, withIntermediateDirectories: true)
            try! FileManager.default.copyItem(
                at: Repository.corpus.appendingPathComponent(file), to: group.appendingPathComponent(file))
        }
        try! FileManager.default.copyItem(
            at: Repository.corpus.appendingPathComponent(Synonyms.fileName),
            to: corpus.appendingPathComponent(Synonyms.fileName))
        return corpus
    }()

    /// One index of the whole corpus.
    public static let single: String = {
        let path = directory.path("single")
        _ = try! Indexer(corpusRoot: corpus, databasePath: path).run()
        return path
    }()

    /// The sharded index's root: `shards/a`, `shards/b`, `shards/c`, the lexicon and the stub
    /// of the local shards.
    public static let root: String = {
        let sharded = ShardedIndex(root: directory.path("sharded"))
        for group in groups {
            var options = IndexOptions()
            options.group = group
            _ = try! Indexer(corpusRoot: corpus, databasePath: sharded.shardPath(group), options: options).run()
        }
        try! sharded.refresh()
        return sharded.root
    }()

    public static func shardPath(_ group: String) -> String { ShardedIndex(root: root).shardPath(group) }

    /// Writes a stub into `directory` that lists the lexicon, then `lines`, as an operator
    /// writes one for remote shards; returns its path.
    public static func stub(_ lines: [String], in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("remote.stub")
        let lexicon = (root as NSString).appendingPathComponent(ShardedIndex.lexiconFolder)
        try (["auto \(lexicon)"] + lines).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
