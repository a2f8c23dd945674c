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
