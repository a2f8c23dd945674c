import Foundation

/// The read-only data beside the repository (`../shared`), found from this file's path so the
/// tests run the same from any working directory, here and in CI.
enum SharedData {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "shared test data not found at \(path)" }
    }

    /// `<repo>/../shared`: this file is `<repo>/Tests/DanishTextTests/SharedData.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DanishTextTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo
        .deletingLastPathComponent()
        .appendingPathComponent("shared")

    static func file(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: file(relativePath), encoding: .utf8)
    }

    static func corpusFiles() throws -> [URL] {
        let directory = try file("corpus")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw Missing(path: directory.path + "/*.txt") }
        return files
    }
}
