import Foundation
import Minutes
import ReferatCore
import ReferatTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A read-only replica kept by Xapian's replication (Debian `xapian-tools`) from a master that
/// `referat index` writes with changesets (`XAPIAN_MAX_CHANGESETS`), read as `referat serve --db
/// REPLICA` reads it (a `SearcherPool`). The replication server serves the master's parent
/// folder, the index by its folder's name: Xapian opens it through Referat's stub, so the
/// replica follows the current generation.
@Suite struct ReplicaTests {
    static let changesets = ["XAPIAN_MAX_CHANGESETS": "10"]

    @Test func replicaAnswersAsTheMasterThroughUpdatesAndRebuilds() throws {
        let directory = TemporaryDirectory()
        let corpus = directory.url.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Repository.corpus, to: corpus)
        let master = directory.path("master/index")
        let replica = directory.path("replica")
        func index(_ options: [String] = []) throws {
            let result = try ReferatBinary.run(
                ["index", corpus.path, "--db", master, "--quiet"] + options, environment: Self.changesets)
            try #require(result.status == 0, "referat index: \(result.stderr)")
        }

        try index()
        let server = try ReplicationServer(root: directory.path("master"))
        defer { server.stop() }
        let first = try server.replicate("index", into: replica)
        #expect(first.copies == 1)
        try expectSameAnswers(master: master, replica: Searcher(databasePath: replica))
        // Opened on the first copy and left idle while two more copies replace it: the second
        // comes back under the same replica_N name (Xapian's reopen() would not notice).
        let idle = try Searcher(databasePath: replica)
        let readers = try Readers(pool: SearcherPool(databasePath: replica))
        defer { readers.stop() }

        // An update travels as changesets, applied to the live replica under its readers.
        let newWord = "kvartalsopfølgningen"
        #expect(try Searcher(databasePath: master).search(SearchRequest(query: newWord)).totalEstimate == 0)
        let file = corpus.appendingPathComponent("000_9285af0b1d2d00d2.txt")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nReplikaen skal finde \(newWord).\n".utf8))
        try handle.close()
        try index()
        let update = try server.replicate("index", into: replica)
        #expect(update.copies == 0 && update.changesets >= 1, "the update was not sent as changesets: \(update)")
        try readers.waitForMoreSearches()
        #expect(try Searcher(databasePath: replica).search(SearchRequest(query: newWord)).totalEstimate > 0)
        try expectSameAnswers(master: master, replica: Searcher(databasePath: replica))

        // A rebuild is a new generation, a database of its own: the replica takes a whole copy.
        try index(["--rebuild"])
        let rebuild = try server.replicate("index", into: replica)
        #expect(rebuild.copies == 1)
        try readers.waitForMoreSearches()
        try expectSameAnswers(master: master, replica: Searcher(databasePath: replica))

        // Another whole copy goes back to the name the idle reader opened.
        let copy = try server.replicate("index", into: replica, forceCopy: true)
        #expect(copy.copies == 1)
        try readers.waitForMoreSearches()
        try expectSameAnswers(master: master, replica: idle)
        try expectSameAnswers(master: master, replica: readers.pool)

        let (searches, failures) = readers.stop()
        #expect(searches > 0)
        #expect(failures.isEmpty, "readers failed during replication: \(failures.prefix(3))")
    }

    /// A query mix over facets, filters, dates, phrases, wildcards, spelling and synonyms, an item,
    /// similar items and the statistics: the same on both, and the same revision.
    func expectSameAnswers(master: String, replica: Searcher) throws {
        try expectSameAnswers(master: master) { body in try body(replica) }
    }

    func expectSameAnswers(master: String, replica: SearcherPool) throws {
        try expectSameAnswers(master: master) { body in try replica.withSearcher(body) }
    }

    private func expectSameAnswers(
        master path: String, replica: ((Searcher) throws -> Void) throws -> Void
    ) throws {
        let master = try Searcher(databasePath: path)
        let requests = [
            SearchRequest(query: "mobil blodprøvetagning", facets: true),
            SearchRequest(query: "klynge", cluster: "Nord", facets: true),
            SearchRequest(query: "dato:2022-01-01..2022-12-31", limit: 100, facets: true, sort: .date),
            SearchRequest(
                query: "sundhed", from: MeetingDate(iso: "2021-01-01"), to: MeetingDate(iso: "2023-12-31"),
                facets: true),
            SearchRequest(query: "\"den ældre medicinske patient\""),
            SearchRequest(query: "palli*", facets: true),
            SearchRequest(query: "akutplam"),
            SearchRequest(query: "DÆMP"),
            SearchRequest(query: "godkendt", section: .decision),
            SearchRequest(query: "kvartalsopfølgningen"),
        ]
        let expected = try requests.map { try master.search($0) }
        let expectedStatus = try master.status()
        let expectedStatistics = try master.statistics()
        let id = try #require(expected[0].results.first?.id)
        let expectedItem = try master.item(id: id, marking: "blodprøvetagning")
        let expectedSimilar = try master.similar(to: id)
        try replica { searcher in
            for (request, answer) in zip(requests, expected) {
                #expect(try searcher.search(request) == answer, "\(request.query)")
            }
            let status = try searcher.status()
            #expect(status.documents == expectedStatus.documents && status.revision == expectedStatus.revision)
            #expect(try searcher.statistics() == expectedStatistics)
            #expect(try searcher.item(id: id, marking: "blodprøvetagning") == expectedItem)
            #expect(try searcher.similar(to: id) == expectedSimilar)
        }
    }
}

/// Threads that keep searching through a pool, as `referat serve` does, and note every failure.
final class Readers: @unchecked Sendable {
    // @unchecked: `searches`, `failures` and `stopping` are only touched under `condition`.
    let pool: SearcherPool
    private let condition = NSCondition()
    private var searches = 0
    private var failures: [String] = []
    private var stopping = false
    private let finished = DispatchGroup()
    static let queries = ["mobil blodprøvetagning", "klynge*", "akutplam", "DÆMP", "kvartalsopfølgningen"]

    init(pool: SearcherPool, threads: Int = 2) {
        self.pool = pool
        for thread in 0..<threads {
            finished.enter()
            Thread.detachNewThread { [self] in
                defer { finished.leave() }
                var turn = thread
                while !isStopping {
                    let query = Self.queries[turn % Self.queries.count]
                    turn += 1
                    do {
                        _ = try pool.withSearcher { try $0.search(SearchRequest(query: query, facets: true)) }
                        note(failure: nil)
                    } catch {
                        note(failure: "\(query): \(error)")
                    }
                }
            }
        }
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func note(failure: String?) {
        condition.lock()
        searches += 1
        if let failure { failures.append(failure) }
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once every reader has searched again since the call (so after what came before it).
    func waitForMoreSearches(deadline: Date = Date(timeIntervalSinceNow: 60)) throws {
        condition.lock()
        defer { condition.unlock() }
        let target = searches + 4
        while searches < target {
            guard condition.wait(until: deadline) else { throw ReplicationError("the readers stopped searching") }
        }
    }

    /// Stops the readers and waits for them; returns how many searches they made and what failed.
    @discardableResult
    func stop() -> (searches: Int, failures: [String]) {
        condition.lock()
        stopping = true
        condition.unlock()
        finished.wait()
        condition.lock()
        defer { condition.unlock() }
        return (searches, failures)
    }
}

struct ReplicationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `xapian-replicate-server` on a free loopback port, serving the databases under `root`.
/// Stopped by `stop()`.
final class ReplicationServer {
    let port: UInt16
    private let process: Process

    init(root: String) throws {
        // A free port can be taken by someone else before the server binds it: the server then
        // exits ("already in use"), and another port is tried.
        for _ in 0..<5 {
            let port = try Self.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xapian-replicate-server", "--interface", "127.0.0.1", "--port", "\(port)", root]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if try Self.waitUntilAnswering(port: port, process: process) {
                self.port = port
                self.process = process
                return
            }
        }
        throw ReplicationError("xapian-replicate-server did not start (is xapian-tools installed?)")
    }

    /// SIGKILL: a child of the test process inherits its blocked signals, SIGTERM among them,
    /// and on SIGTERM the server signals its whole process group, the test process included.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// One `xapian-replicate --one-shot` of `master` (a path under the root) into `replica`;
    /// with `forceCopy`, of the whole database.
    func replicate(_ master: String, into replica: String, forceCopy: Bool = false) throws -> (
        copies: Int, changesets: Int
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "xapian-replicate", "--host", "127.0.0.1", "--port", "\(port)", "--master", master, "--one-shot",
                "--reader-time", "1", "--timeout", "30", "--verbose", replica,
            ] + (forceCopy ? ["--force-copy"] : [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "Update complete: 0 copies, 2 changesets, new live database"
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Update complete: ") })
        else { throw ReplicationError("xapian-replicate failed: \(text)") }
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count >= 2 else { throw ReplicationError("xapian-replicate said: \(line)") }
        return (numbers[0], numbers[1])
    }

    /// Connects until the server accepts (true), it exits (false), or ten seconds pass.
    private static func waitUntilAnswering(port: UInt16, process: Process) throws -> Bool {
        let deadline = Date(timeIntervalSinceNow: 10)
        while Date() < deadline {
            if connects(port: port) { return true }
            if !process.isRunning { return false }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw ReplicationError("xapian-replicate-server did not answer on port \(port) within 10 s")
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func connects(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port the kernel has just handed out on loopback.
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReplicationError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw ReplicationError("bind: \(String(cString: strerror(errno)))") }
        return UInt16(bigEndian: address.sin_port)
    }
}
