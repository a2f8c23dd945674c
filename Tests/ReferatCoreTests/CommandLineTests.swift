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

    /// `environment` is added to this process's own.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
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
        // Every metadata key is written, absent ones as null: the API's meeting object.
        let meeting = try #require(files.first?["meeting"] as? [String: Any])
        #expect(Set(meeting.keys) == ["title", "cluster", "region", "forum", "organisation", "date"])
    }

    @Test func batchAnswersEachLineAndCarriesOnAfterABadQuery() throws {
        let result = try ReferatBinary.run(
            ["search", "--batch", "--limit", "3", "--db", SampleIndex.path], input: "IPS\nIPS AND\n\npalliation\r\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
        #expect(lines.map { $0["line"] as? Int } == [1, 2, 4])
        #expect(lines[0]["query"] as? String == "IPS")
        #expect((lines[0]["results"] as? [Any])?.count == 3)
        #expect((lines[1]["error"] as? String)?.hasPrefix("cannot parse the query \"IPS AND\"") == true)
        #expect(lines[1]["results"] == nil)
        #expect(lines[2]["query"] as? String == "palliation")
        // The same object as a single --json search, plus the line number.
        let single = try ReferatBinary.run(["search", "palliation", "--limit", "3", "--json", "--db", SampleIndex.path])
        let expected = try JSONSerialization.jsonObject(with: Data(single.stdout.utf8))
        var batched = lines[2]
        #expect(batched.removeValue(forKey: "line") as? Int == 4)
        #expect(
            try JSONSerialization.data(withJSONObject: batched, options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: expected, options: .sortedKeys))
    }

    @Test func batchReadsAFileArgument() throws {
        let directory = TemporaryDirectory()
        let file = directory.path("queries.txt")
        try "IPS\nKL\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try ReferatBinary.run(["search", "--batch", file, "--db", SampleIndex.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
        let missing = try ReferatBinary.run(["search", "--batch", directory.path("none.txt"), "--db", SampleIndex.path])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("cannot read the batch file"), "\(missing.stderr)")
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

    /// `referat index --shard` writes a shard per folder, the lexicon and the local stub, which
    /// `--db` searches as one index; a shard that is down ends a search with 69 and its name.
    @Test func shardsAreBuiltSearchedAndNamedWhenDown() throws {
        let directory = TemporaryDirectory()
        let root = directory.path("sharded")
        for group in ShardedSamples.groups {
            let result = try ReferatBinary.run(
                ["index", ShardedSamples.corpus.path, "--db", root, "--shard", group, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let stats = try ReferatBinary.run(["stats", "--db", root])
        #expect(stats.status == 0)
        #expect(stats.stdout == (try ReferatBinary.run(["stats", "--db", ShardedSamples.single])).stdout)
        let whole = try ReferatBinary.run(["index", ShardedSamples.corpus.path, "--db", root, "--quiet"])
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("holds shards: index each with --shard NAME"))

        let server = ShardServer(database: ShardedSamples.shardPath("a"))
        try server.start()
        let port = server.port
        server.stop()
        let stub = try ShardedSamples.stub(["remote 127.0.0.1:\(port)"], in: directory)
        let down = try ReferatBinary.run(["search", "IPS", "--db", stub, "--shard-timeout", "1"])
        #expect(down.status == 69)
        let lines = down.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(down.stderr)")
        #expect(lines.first?.hasPrefix("Error: shard 127.0.0.1:\(port) is not available: ") == true, "\(down.stderr)")
    }

    /// Each documented failure of `referat search` and `referat index` (README, "Exit status"):
    /// its exact exit status and its one line on standard error.
    struct Failure: Sendable, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        let message: String
        var description: String { arguments.joined(separator: " ") }
    }

    @Test(arguments: [
        Failure(arguments: ["search", "IPS AND"], status: 1, message: "Error: cannot parse the query \"IPS AND\": "),
        Failure(
            arguments: ["search", "Sø* ADJ x"], status: 1, message: "Error: cannot run the query \"Sø* ADJ x\": "),
        Failure(
            arguments: ["search", "x", "--db", "/nonexistent/index"], status: 1,
            message: "Error: no index at /nonexistent/index: run `referat index` first"),
        Failure(
            arguments: ["search", "x", "--from", "2024-13-01"], status: 64,
            message: "Error: --from must be a date as YYYY-MM-DD, not \"2024-13-01\""),
        Failure(
            arguments: ["search", "x", "--limit", "0"], status: 64,
            message: "Error: bad limit: must be between 1 and 100"),
        Failure(arguments: ["similar", "nope-1"], status: 1, message: "Error: "),
        Failure(
            arguments: ["similar", "000_9285af0b1d2d00d2.txt-5", "--limit", "0"], status: 64,
            message: "Error: --limit must be between 1 and 100"),
        Failure(
            arguments: ["index", "/nonexistent/corpus", "--db", "/tmp/referat-never"], status: 1,
            message: "Error: no corpus directory at /nonexistent/corpus"),
    ])
    func eachFailureHasItsExitStatusAndOneLine(failure: Failure) throws {
        let arguments =
            failure.arguments.contains("--db") ? failure.arguments : failure.arguments + ["--db", SampleIndex.path]
        let result = try ReferatBinary.run(arguments)
        #expect(result.status == failure.status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("Usage") && !$0.hasPrefix("  See") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix(failure.message) == true, "\(result.stderr)")
    }
}
