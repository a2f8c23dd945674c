import Foundation
import Xapian

/// A Xapian stub database that lists shards, read by Referat itself rather than by Xapian, so
/// that each remote shard gets the operator's timeouts (a stub's `remote` lines always get
/// Xapian's 10 s) and a shard that fails is named. The syntax is Xapian's, one shard a line:
///
///     auto lexicon                   # a local database (relative to the stub's folder)
///     remote 10.0.0.5:33301          # xapian-tcpsrv
///     remote :ssh search2 xapian-progsrv /srv/referat/shards/syd   # xapian-progsrv over a pipe
///
/// `#` starts a comment. A stub is a file, or a directory's `XAPIANDB`. An index's own
/// generation stub (one `glass gen-000002` line naming a database directory) is not a shard
/// stub: Xapian opens it.
public struct ShardStub: Equatable, Sendable {
    public enum Location: Equatable, Sendable {
        case local(path: String)
        case tcp(host: String, port: Int)
        case program(program: String, arguments: String)
    }

    public struct Shard: Equatable, Sendable {
        public var location: Location
        /// How errors name it: the stub line's target as written (`10.0.0.5:33301`,
        /// `:ssh search2 xapian-progsrv …`, `lexicon`).
        public var name: String
    }

    /// The stub file read.
    public let file: String
    public let shards: [Shard]
    /// The stub's bytes and each local shard's own stub file (`IndexLocation.stubStamp`): when
    /// it changes, a reader opens the shards afresh (a shard rebuilt or replicated, a line added).
    public var version: String {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text
            + shards.map { shard in
                guard case .local(let path) = shard.location else { return "" }
                return "\n" + (IndexLocation.stubStamp(at: path)?.description ?? "")
            }.joined()
    }

    public var hasRemoteShards: Bool {
        shards.contains { if case .local = $0.location { false } else { true } }
    }

    /// The shard stub at `path`, or nil when `path` is an ordinary index (a database directory,
    /// or a directory whose stub names one generation) or missing. A line that is not a shard
    /// throws, naming the file and the line.
    public static func at(_ path: String) throws -> ShardStub? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let location = IndexLocation(path: path)
        let file = isDirectory.boolValue ? location.file(IndexLocation.stubFileName) : path
        guard !isDirectory.boolValue || location.layout != .plain,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return nil }
        let folder = (file as NSString).deletingLastPathComponent
        var shards: [Shard] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty else { continue }
            guard let shard = shard(content, relativeTo: folder) else {
                throw ReferatError.badStub(file: file, line: number + 1, text: String(line))
            }
            shards.append(shard)
        }
        // One database directory: an index's generation stub, which Xapian reads as it is.
        if shards.count == 1, case .local(let path) = shards[0].location,
            IndexLocation(path: path).layout == .plain
        {
            return nil
        }
        return ShardStub(file: file, shards: shards)
    }

    /// One line's shard: `auto|glass PATH`, `remote HOST:PORT` or `remote :PROGRAM ARGS`.
    private static func shard(_ line: String, relativeTo folder: String) -> Shard? {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let target = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0] {
        case "auto", "glass":
            let path = target.hasPrefix("/") ? target : (folder as NSString).appendingPathComponent(target)
            return Shard(location: .local(path: path), name: target)
        case "remote" where target.hasPrefix(":"):
            let command = target.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
            guard let program = command.first else { return nil }
            return Shard(
                location: .program(program: program, arguments: command.count > 1 ? command[1] : ""), name: target)
        case "remote":
            guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]),
                (1...65535).contains(port), colon != target.startIndex
            else { return nil }
            return Shard(location: .tcp(host: String(target[..<colon]), port: port), name: target)
        default:
            return nil
        }
    }

    /// Opens every shard and joins them into one database. A shard that cannot be opened throws
    /// `ReferatError.shardUnavailable` naming it.
    func open(timeout: Double) throws -> Database {
        var databases: [Database] = []
        for shard in shards {
            do {
                switch shard.location {
                case .local(let path):
                    databases.append(try Database(path: path))
                case .tcp(let host, let port):
                    databases.append(try Database(host: host, port: port, timeout: timeout, connectTimeout: timeout))
                case .program(let program, let arguments):
                    databases.append(try Database(program: program, arguments: arguments, timeout: timeout))
                }
            } catch {
                throw ReferatError.shardUnavailable(shard: shard.name, reason: error.message)
            }
        }
        return try Database(shards: databases)
    }

    /// The shard a network error came from, by the context Xapian adds to its message
    /// (`remote:tcp(HOST:PORT)`, `remote:prog(PROGRAM ARGS)`); nil when it names none of them.
    func shard(named error: XapianError) -> Shard? {
        shards.first { shard in
            switch shard.location {
            case .local: false
            case .tcp(let host, let port): error.message.contains("remote:tcp(\(host):\(port))")
            case .program(let program, let arguments): error.message.contains("remote:prog(\(program) \(arguments)")
            }
        }
    }
}
