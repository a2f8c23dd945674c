import DocumentText
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One minutes file found in the corpus.
public struct CorpusFile: Sendable, Hashable {
    /// Relative to the corpus root, with "/" separators: the file's identity in the index.
    public let relativePath: String
    public let url: URL
}

/// A path under the corpus that looked like minutes but cannot be read: skipped, with the reason.
public struct CorpusProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public let relativePath: String
    public let reason: String
    /// Set when the file's bytes were read but gave no text.
    public let cause: DocumentTextError?

    public init(relativePath: String, reason: String, cause: DocumentTextError? = nil) {
        self.relativePath = relativePath
        self.reason = reason
        self.cause = cause
    }

    public var description: String { "\(relativePath): skipped: \(reason)" }
}

/// The bytes and text of one minutes file.
public struct CorpusContent: Sendable {
    /// SHA-256 of the file's bytes, hex: unchanged bytes, unchanged items.
    public let hash: String
    /// The format the bytes were read as (by their content).
    public let format: DocumentFormat
    public let text: String
    /// How the text was decoded when it was not UTF-8 ("Windows-1252", "UTF-16"), else nil.
    public let legacyEncoding: String?
}

/// Finds and reads the minutes files under a corpus directory.
public struct CorpusReader: Sendable {
    public static let extensions = DocumentFormat.extensions
    public static let defaultMaxFileSize = 10 * 1024 * 1024

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The minutes files below the root in path order, and the paths that could not be
    /// listed: broken symlinks, symlink loops, unreadable directories, minutes-named paths
    /// that are not regular files. Symlinks to files and directories are followed (each
    /// directory read once); hidden files and directories are skipped.
    public func scan() throws -> (files: [CorpusFile], problems: [CorpusProblem]) {
        var info = stat()
        guard stat(root.path, &info) == 0, Self.isDirectory(info) else {
            throw ReferatError.corpusMissing(path: root.path)
        }
        var visited: Set<[UInt64]> = [Self.identity(info)]
        var files: [CorpusFile] = []
        var problems: [CorpusProblem] = []
        walk(directory: root.path, relative: "", visited: &visited, files: &files, problems: &problems)
        return (
            files.sorted { $0.relativePath < $1.relativePath }, problems.sorted { $0.relativePath < $1.relativePath }
        )
    }

    private func walk(
        directory: String, relative: String, visited: inout Set<[UInt64]>, files: inout [CorpusFile],
        problems: inout [CorpusProblem]
    ) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append(
                CorpusProblem(relativePath: relative.isEmpty ? "." : relative, reason: "cannot list the directory"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let isMinutes =
                Self.extensions.contains((name as NSString).pathExtension.lowercased())
                && name != Synonyms.fileName
            var link = stat()
            guard lstat(path, &link) == 0 else { continue }
            var target = link
            let isLink = (link.st_mode & S_IFMT) == S_IFLNK
            if isLink, stat(path, &target) != 0 {
                let loop = errno == ELOOP
                // A dangling link could have been a directory or minutes; others are not ours.
                if isMinutes || (name as NSString).pathExtension.isEmpty {
                    problems.append(
                        CorpusProblem(relativePath: relativePath, reason: loop ? "symlink loop" : "broken symlink"))
                }
                continue
            }
            if Self.isDirectory(target) {
                guard visited.insert(Self.identity(target)).inserted else {
                    if isLink {
                        problems.append(
                            CorpusProblem(
                                relativePath: relativePath, reason: "symlink loop (a directory already read)"))
                    }
                    continue
                }
                walk(directory: path, relative: relativePath, visited: &visited, files: &files, problems: &problems)
            } else if isMinutes {
                if (target.st_mode & S_IFMT) == S_IFREG {
                    files.append(CorpusFile(relativePath: relativePath, url: URL(fileURLWithPath: path)))
                } else {
                    problems.append(CorpusProblem(relativePath: relativePath, reason: "not a regular file"))
                }
            }
        }
    }

    private static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    private static func identity(_ info: stat) -> [UInt64] { [UInt64(info.st_dev), UInt64(info.st_ino)] }

    /// Reads a minutes file: its hash and text (by `reader`, in the format its bytes show), or
    /// why it is skipped (unreadable, not a regular file, empty, over `maxFileSize` bytes, no
    /// text in it).
    public static func read(
        _ file: CorpusFile, maxFileSize: Int = defaultMaxFileSize, reader: DocumentReader = DocumentReader()
    ) -> Result<CorpusContent, CorpusProblem> {
        func problem(_ reason: String) -> Result<CorpusContent, CorpusProblem> {
            .failure(CorpusProblem(relativePath: file.relativePath, reason: reason))
        }
        let fd = open(file.url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return problem("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return problem("cannot stat: \(String(cString: strerror(errno)))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return problem("not a regular file") }
        guard info.st_size <= maxFileSize else {
            return problem("\(info.st_size) bytes, over the size limit of \(maxFileSize) bytes (--max-file-size)")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                // The file grew while we read it.
                guard count <= maxFileSize else { return problem("over the size limit of \(maxFileSize) bytes") }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, count)))
            }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return problem("cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        }
        let data = Data(bytes[0..<count])
        guard count > 0 else { return problem("empty file") }
        do {
            let document = try reader.read(data, name: file.relativePath)
            return .success(
                CorpusContent(
                    hash: data.sha256Hex, format: document.format, text: document.text,
                    legacyEncoding: document.legacyEncoding))
        } catch {
            return .failure(CorpusProblem(relativePath: file.relativePath, reason: "\(error)", cause: error))
        }
    }
}
