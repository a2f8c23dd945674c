import Foundation
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

    @Test func similarListsOtherItemsAsJSONAndText() throws {
        let id = "000_9285af0b1d2d00d2.txt-5"
        let json = try ReferatBinary.run(["similar", id, "--json", "--db", SampleIndex.path])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = try #require((object["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String })
        #expect(!ids.isEmpty && !ids.contains(id))
        let text = try ReferatBinary.run(["similar", id, "--db", SampleIndex.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("[\(ids[0])]"))
    }

    @Test(arguments: [
        ["search", "IPS AND"],
        ["search", "x", "--db", "/nonexistent/index"],
        ["search", "x", "--from", "2024-13-01"],
        ["search", "x", "--limit", "0"],
        ["similar", "nope-1"],
        ["similar", "000_9285af0b1d2d00d2.txt-5", "--limit", "0"],
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
