import Foundation
import Xapian

#if canImport(Glibc)
    import Glibc
#endif

/// The index directory and how the database lies in it.
///
/// - plain: a Xapian glass database directly in the directory (indexes made before
///   generations; still read and updated in place);
/// - generations: `gen-000001/`, `gen-000002/`, … each a whole database, and a Xapian stub
///   file `XAPIANDB` ("glass gen-000002") naming the current one. Xapian opens the directory
///   through the stub for reading and for writing. `--rebuild` builds the next generation
///   beside the current one and renames a new stub over the old one: readers see the old
///   index or the new one, never a half-built one. A full build is then compacted into the
///   generation after it, and the stub swapped again. The generation before the current one
///   is kept until the next rebuild, so a reader still holding it keeps working; any other
///   generation is a leftover of a build that never finished.
public struct IndexLocation: Sendable {
    public static let stubFileName = "XAPIANDB"
    public static let lockFileName = "referat.lock"
    static let generationPrefix = "gen-"

    public enum Layout: Equatable, Sendable {
        case missing
        case plain
        case generation(String)
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public var layout: Layout {
        // Xapian prefers a glass database in the directory to a stub beside it; so do we.
        if FileManager.default.fileExists(atPath: file("iamglass")) { return .plain }
        if let generation = Self.generation(at: path) { return .generation(generation) }
        return .missing
    }

    /// The generation the stub in `path` names (e.g. "gen-000002"; "replica_1" in a replica),
    /// or nil for a plain or missing index.
    public static func generation(at path: String) -> String? {
        let stub = (path as NSString).appendingPathComponent(stubFileName)
        guard let text = try? String(contentsOfFile: stub, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, ["glass", "auto"].contains(parts[0]) {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The stub file as it is now, or nil without one: a database is swapped in by renaming a
    /// new stub over the old (`--rebuild` does, and so does xapian-replicate after copying a
    /// whole database), so a reader that finds another stub than the one it opened the index
    /// through opens it afresh. The stub's text is not enough: a replica names its copies
    /// `replica_0` and `replica_1` in turn. Cheaper than reading the stub (one stat).
    public static func stubStamp(at path: String) -> StubStamp? {
        var info = stat()
        guard stat((path as NSString).appendingPathComponent(stubFileName), &info) == 0 else { return nil }
        return StubStamp(
            inode: UInt64(info.st_ino), modified: Int(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Which stub file it was: its inode and modification time.
    public struct StubStamp: Equatable, Sendable, CustomStringConvertible {
        let inode: UInt64
        let modified: Int
        let modifiedNanoseconds: Int

        public var description: String { "\(inode)@\(modified).\(modifiedNanoseconds)" }
    }

    static func generationName(_ number: Int) -> String {
        generationPrefix + String(format: "%06d", number)
    }

    static func generationNumber(_ name: String) -> Int? {
        guard name.hasPrefix(generationPrefix) else { return nil }
        return Int(name.dropFirst(generationPrefix.count))
    }

    /// Generation directories present, by number.
    func generations() -> [(name: String, number: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.compactMap { name in Self.generationNumber(name).map { (name, $0) } }.sorted {
            $0.number < $1.number
        }
    }

    /// The current generation and the one before it (the highest-numbered below it).
    func generationsInUse() -> Set<String> {
        guard case .generation(let current) = layout, let number = Self.generationNumber(current) else { return [] }
        let previous = generations().last { $0.number < number }
        return Set([current] + (previous.map { [$0.name] } ?? []))
    }

    /// Points the stub at `generation` (see `writeStub(text:)`).
    func writeStub(generation: String) throws {
        try writeStub(text: "glass \(generation)\n")
    }

    /// Replaces the stub with `text`, atomically: a temporary file, flushed, renamed over the
    /// stub, and the directory flushed.
    func writeStub(text: String) throws {
        let stub = file(Self.stubFileName)
        let temporary = stub + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw posixError("cannot write \(temporary)") }
        let written = text.withCString { write(fd, $0, strlen($0)) }
        let synced = fsync(fd)
        close(fd)
        guard written == text.utf8.count, synced == 0 else { throw posixError("cannot write \(temporary)") }
        guard rename(temporary, stub) == 0 else { throw posixError("cannot replace \(stub)") }
        syncDirectory()
    }

    func syncDirectory() {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static let shardsSuffix = ".shards"

    /// Whether a full build of `generation` has left shards.
    func hasShards(of generation: String) -> Bool {
        FileManager.default.fileExists(atPath: file(generation + Self.shardsSuffix))
    }

    /// The shard databases of a full build of `generation`, in order: those it has (a resumed
    /// build keeps its number of shards, and so its split of the files), or else `count` new
    /// ones, made by `create` under a temporary name and renamed, so that a set is whole or absent.
    func shards(of generation: String, count: Int, create: (String) throws -> Void) throws -> [String] {
        let directory = file(generation + Self.shardsSuffix)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let existing = names.compactMap(Int.init).sorted()
        if !existing.isEmpty { return existing.map { directory + "/\($0)" } }
        let temporary = directory + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        for shard in 0..<max(1, count) { try create(temporary + "/\(shard)") }
        guard rename(temporary, directory) == 0 else { throw posixError("cannot rename \(temporary)") }
        syncDirectory()
        return (0..<max(1, count)).map { directory + "/\($0)" }
    }

    /// Removes the shards of full builds other than one of `generation`.
    func removeShards(except generation: String?) {
        let keep = generation.map { $0 + Self.shardsSuffix }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names
        where name != keep && (name.hasSuffix(Self.shardsSuffix) || name.hasSuffix(Self.shardsSuffix + ".tmp")) {
            try? FileManager.default.removeItem(atPath: file(name))
        }
    }

    func removeGeneration(_ name: String) {
        try? FileManager.default.removeItem(atPath: file(name))
    }

    /// Removes generation directories other than `keep`.
    func removeGenerations(except keep: Set<String>) {
        for generation in generations() where !keep.contains(generation.name) {
            removeGeneration(generation.name)
        }
    }

    /// Removes a plain database's files (after a stub replaced it); `iamglass` first, so that
    /// Xapian opens the directory through the stub from then on.
    func removePlainDatabase() {
        try? FileManager.default.removeItem(atPath: file("iamglass"))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name == "flintlock" || name.hasSuffix(".glass") || name.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(atPath: file(name))
        }
    }

    /// Takes the index's writer lock: one `referat index` at a time, for the whole run
    /// (including a rebuild, which writes a database Xapian's own lock does not cover).
    /// The kernel drops it when the process ends, however it ends. With `wait`, a lock held
    /// elsewhere calls `whileWaiting` once, then blocks until it is free.
    func lock(wait: Bool, whileWaiting: () -> Void = {}) throws -> IndexLock {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let lockPath = file(Self.lockFileName)
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError("cannot open \(lockPath)") }
        var blocking = false
        while flock(fd, LOCK_EX | (blocking ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK, wait, !blocking {
                whileWaiting()
                blocking = true
                continue
            }
            close(fd)
            if code == EWOULDBLOCK { throw ReferatError.indexLocked(path: path) }
            throw posixError("cannot lock \(lockPath)", code: code)
        }
        return IndexLock(descriptor: fd)
    }

    private func posixError(_ what: String, code: Int32 = errno) -> ReferatError {
        ReferatError.indexUnreadable(path: path, reason: "\(what): \(String(cString: strerror(code)))")
    }
}

/// Held while a writer runs; released when dropped (or when the process dies).
final class IndexLock {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
