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

    /// Several sets in one run, each with its own means and, when its queries have a class,
    /// one line per class; a malformed set is named on one line and the others still run.
    @Test func evalReportsPerClassAndNamesAMalformedSet() throws {
        let directory = TemporaryDirectory()
        let bad = directory.path("bad.json")
        try "{\"not\": \"judgments\"}".write(toFile: bad, atomically: true, encoding: .utf8)
        let dev2 = Repository.shared.appendingPathComponent("eval/dev2.json").path
        let dev = Repository.shared.appendingPathComponent("eval/dev.json").path
        let result = try ReferatBinary.run(["eval", dev2, bad, dev, "--db", SampleIndex.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        let classes = lines.filter { $0.hasPrefix("class ") }.map { String($0.split(separator: "\t")[0]) }
        #expect(classes == (1...6).map { "class \($0)" })
        #expect(lines.filter { $0.hasPrefix("mean\t") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("# ") } == ["# \(dev2)", "# \(dev)"])
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].contains(bad), "\(result.stderr)")
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
