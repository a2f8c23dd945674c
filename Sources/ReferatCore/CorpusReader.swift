import Foundation

/// One minutes file found in the corpus.
public struct CorpusFile: Sendable, Hashable {
    /// Relative to the corpus root, with "/" separators: the file's identity in the index.
    public let relativePath: String
    public let url: URL
}

/// Finds and reads the minutes files under a corpus directory.
public struct CorpusReader: Sendable {
    public static let extensions: Set<String> = ["txt", "md"]

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// `*.txt` and `*.md` files below the root, recursively, in path order.
    public func files() throws -> [CorpusFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReferatError.corpusMissing(path: root.path)
        }
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw ReferatError.corpusMissing(path: root.path) }
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [CorpusFile] = []
        for case let url as URL in enumerator
        where Self.extensions.contains(url.pathExtension.lowercased()) && url.lastPathComponent != Synonyms.fileName {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            files.append(CorpusFile(relativePath: String(path.dropFirst(rootPath.count)), url: url))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    /// The file's text: UTF-8 (a BOM dropped, CRLF folded), or else Windows-1252, the usual
    /// legacy encoding of Danish documents; `decodedAsLegacy` says which.
    public static func text(of data: Data) -> (text: String, decodedAsLegacy: Bool) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) {
            return (text.replacingOccurrences(of: "\r\n", with: "\n"), false)
        }
        let text = String(data: bytes, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        return (text.replacingOccurrences(of: "\r\n", with: "\n"), true)
    }
}
