import Foundation
import Hummingbird
import HummingbirdTesting
import ReferatCore

@testable import ReferatServer

/// Paths of the repository, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")
}

/// A temporary directory that removes itself when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("referat-server-test-\(UUID().uuidString)")
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
    static let pool: SearcherPool = try! SearcherPool(databasePath: path)

    /// The app on the sample index, in process.
    static func app() -> some ApplicationProtocol {
        Application(router: buildRouter(pool: pool))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    var errorMessage: String? { (try? json([String: String].self))?["error"] }
}

/// `path?name=value&…` with the values percent-encoded.
func uri(_ path: String, _ parameters: [(String, String)] = []) -> String {
    HTML.url(path, parameters.map { ($0.0, Optional($0.1)) })
}
