import Foundation
import Minutes
import ReferatTestSupport
import Testing

/// Runs the built `referat` binary, as a user or a script would.
struct ReferatBinary {
    /// `swift build --build-tests` puts the executable beside the test bundle.
    static let url: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("referat").path),
            directory.path != "/"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("referat")
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}

@Suite struct CommandLineTests {
    @Test func searchJSONIsOneObjectWithResults() throws {
        let result = try ReferatBinary.run(["search", "IPS", "--json", "--db", SampleIndex.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["results"] as? [Any])?.isEmpty == false)
    }

    @Test func noHitsIsStillSuccess() throws {
        let result = try ReferatBinary.run(["search", "xyzzyqwerty", "--db", SampleIndex.path])
        #expect(result.status == 0)
    }

    @Test func parsePrintsEachFileAndNamesTheUnreadableOne() throws {
        let sample = Repository.corpus.appendingPathComponent("000_9285af0b1d2d00d2.txt")
        let result = try ReferatBinary.run(["parse", "--json", sample.path, "/nonexistent/minutes.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/minutes.txt"))
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let expected = MinutesParser.parse(try String(contentsOf: sample, encoding: .utf8)).items
        #expect(files.count == 1)
        let items = try #require(files.first?["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["number"] as? Int } == expected.map(\.number))
        #expect(items.compactMap { $0["title"] as? String } == expected.map(\.title))
        // Every metadata key is written, absent ones as null.
        let keys = Set(files.first.map { Array($0.keys) } ?? [])
        #expect(keys.isSuperset(of: ["title", "cluster", "region", "forum", "date"]))
    }

    @Test(arguments: [
        ["search", "IPS AND"],
        ["search", "x", "--db", "/nonexistent/index"],
        ["search", "x", "--from", "2024-13-01"],
        ["search", "x", "--limit", "0"],
        ["index", "/nonexistent/corpus", "--db", "/tmp/referat-never"],
    ])
    func errorsAreOneLineAndNonZero(arguments: [String]) throws {
        let withDB = arguments.contains("--db") ? arguments : arguments + ["--db", SampleIndex.path]
        let result = try ReferatBinary.run(withDB)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("Usage") && !$0.hasPrefix("  See") }
        #expect(lines.count == 1, "\(result.stderr)")
    }
}
