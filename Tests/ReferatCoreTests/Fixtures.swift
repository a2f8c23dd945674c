import Foundation
import ReferatCore

/// Paths of the repository and its shared data, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
    static let shared = root.appendingPathComponent("../shared").standardizedFileURL
}

/// A temporary directory that removes itself when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("referat-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The sample corpus indexed once into a temporary database, shared by the read-only tests.
enum SampleIndex {
    static let directory = TemporaryDirectory()
    static let path: String = {
        let path = directory.path("index")
        _ = try! Indexer(corpusRoot: Repository.corpus, databasePath: path).run()
        return path
    }()

    static func searcher() throws -> Searcher { try Searcher(databasePath: path) }
}
