import Foundation
import ReferatCore
import Xapian

#if canImport(Glibc)
    import Glibc
#endif

/// One shard served by `xapian-tcpsrv` on loopback, for tests: started on a free port, ready
/// once a Xapian client can open it, and stopped (with the children it forked per connection)
/// by `stop()` or when released.
public final class ShardServer: @unchecked Sendable {
    // @unchecked: used by one test at a time.
    public let database: String
    public private(set) var port = 0
    private var process: Process?

    public init(database: String) {
        self.database = database
    }

    deinit { stop() }

    /// `remote 127.0.0.1:PORT`, the stub line of this shard.
    public var stubLine: String { "remote 127.0.0.1:\(port)" }

    /// Starts the server on `port`, or on a free one; returns once it answers a Xapian client, or
    /// throws after `deadline` seconds.
    public func start(port requested: Int? = nil, deadline: Double = 20) throws {
        for _ in 0..<3 {
            port = try requested ?? Self.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-tcpsrv")
            process.arguments = ["--interface", "127.0.0.1", "--port", String(port), "--quiet", database]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            self.process = process
            let end = Date().addingTimeInterval(deadline)
            while process.isRunning, Date() < end {
                if (try? Database(host: "127.0.0.1", port: port, timeout: 2, connectTimeout: 2)) != nil { return }
                usleep(20_000)
            }
            stop()
            // Another process took the free port first: try another one (a requested port: again).
            if Date() >= end { break }
        }
        throw ShardServerError(message: "xapian-tcpsrv on \(database) did not answer on port \(port)")
    }

    /// Kills the server and the children serving its connections, as a machine that goes down.
    public func stop() {
        guard let process else { return }
        signal(SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// Sends `signal` to the server and to the children serving its connections (SIGSTOP: a
    /// shard that stops answering; SIGCONT: it answers again).
    public func signal(_ signal: Int32) {
        guard let process, process.isRunning else { return }
        let parent = process.processIdentifier
        for child in Self.children(of: parent) { kill(child, signal) }
        kill(parent, signal)
    }

    /// Processes whose parent is `parent`, from /proc.
    private static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // "pid (name) state ppid …": the name may hold spaces, so read after its ")".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    /// A port nobody listens on now: bound to 0 by the kernel, then released.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ShardServerError(message: "cannot open a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw ShardServerError(message: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public struct ShardServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
