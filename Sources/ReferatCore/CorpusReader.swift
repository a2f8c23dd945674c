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

    public var description: String { "\(relativePath): skipped: \(reason)" }
}

/// The bytes and text of one minutes file.
public struct CorpusContent: Sendable {
    /// SHA-256 of the file's bytes, hex: unchanged bytes, unchanged items.
    public let hash: String
    public let text: String
    /// How the text was decoded when it was not UTF-8 ("Windows-1252", "UTF-16"), else nil.
    public let legacyEncoding: String?
}

/// Finds and reads the minutes files under a corpus directory.
public struct CorpusReader: Sendable {
    public static let extensions: Set<String> = ["txt", "md"]
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

    /// Reads a minutes file: its hash and text, or why it is skipped (unreadable, not a regular
    /// file, empty, over `maxFileSize` bytes, binary).
    public static func read(_ file: CorpusFile, maxFileSize: Int = defaultMaxFileSize) -> Result<
        CorpusContent, CorpusProblem
    > {
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
        let decoded: (text: String, encoding: String?)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
            let text = String(data: data, encoding: .utf16)
        {
            decoded = (text.replacingOccurrences(of: "\r\n", with: "\n"), "UTF-16")
        } else if data.contains(0) {
            return problem("binary file (contains NUL bytes)")
        } else {
            let (text, legacy) = Self.text(of: data)
            decoded = (text, legacy ? "Windows-1252" : nil)
        }
        guard !decoded.text.allSatisfy(\.isWhitespace) else { return problem("empty file (only white space)") }
        return .success(CorpusContent(hash: SHA256.hex(data), text: decoded.text, legacyEncoding: decoded.encoding))
    }

    /// The file's text: UTF-8 (a BOM dropped, CRLF folded), or else Windows-1252, the usual
    /// legacy encoding of Danish documents; `decodedAsLegacy` says which.
    public static func text(of data: Data) -> (text: String, decodedAsLegacy: Bool) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (foldingCRLF(text), false)
        }
        let text =
            String(data: bytes, encoding: .windowsCP1252) ?? String(data: bytes, encoding: .isoLatin1)
            ?? String(decoding: bytes, as: UTF8.self)
        return (foldingCRLF(text), true)
    }

    private static func foldingCRLF(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }
}
