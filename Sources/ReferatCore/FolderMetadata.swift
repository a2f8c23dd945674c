import Foundation
import Minutes

/// Metadata the user knows about a folder of minutes: an optional `referat.json` in any corpus
/// folder, e.g. `{"cluster": "Nord", "forum": "Klyngestyregruppe", "organisation": "Region
/// Nordjylland"}`, gives these values to the files below it that do not state them. For each key
/// the nearest folder's file that gives it wins; the text's own statement wins over all of
/// them. Every key is optional; a value is a string.
///
/// A `referat.json` that cannot be read, is not a JSON object, or has an unknown key or a value
/// that is not a string, is ignored as a whole with one warning naming the file and the key; the files below
/// it are indexed without it (outer folders' files still apply). Its content is part of each
/// file's fingerprint, so changing it re-indexes the files below it.
struct FolderMetadata: Sendable, Equatable {
    static let fileName = "referat.json"
    static let keys = ["cluster", "forum", "organisation"]

    var cluster: String?
    var forum: String?
    var organisation: String?

    /// Reads one `referat.json`; `path` names it in errors.
    static func parse(_ data: Data, path: String) throws(FolderMetadataError) -> FolderMetadata {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FolderMetadataError(path: path, problem: "not valid JSON (\(error.localizedDescription))")
        }
        guard let values = object as? [String: Any] else {
            throw FolderMetadataError(path: path, problem: "not a JSON object")
        }
        var metadata = FolderMetadata()
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard keys.contains(key) else {
                throw FolderMetadataError(
                    path: path, problem: "unknown key \"\(key)\" (known: \(keys.joined(separator: ", ")))")
            }
            guard let text = value as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FolderMetadataError(path: path, problem: "key \"\(key)\" must be a non-empty string")
            }
            switch key {
            case "cluster": metadata.cluster = text
            case "forum": metadata.forum = text
            default: metadata.organisation = text
            }
        }
        return metadata
    }

    /// These values under the nearer `inner` ones.
    func overridden(by inner: FolderMetadata) -> FolderMetadata {
        FolderMetadata(
            cluster: inner.cluster ?? cluster, forum: inner.forum ?? forum,
            organisation: inner.organisation ?? organisation)
    }

    /// The meeting with what its text does not state filled in.
    func filling(_ meeting: Meeting) -> Meeting {
        var meeting = meeting
        meeting.cluster = meeting.cluster ?? cluster
        meeting.forum = meeting.forum ?? forum
        meeting.organisation = meeting.organisation ?? organisation
        return meeting
    }

    /// A file's fingerprint: its content hash alone when no folder metadata applies (so indexes
    /// without `referat.json` keep their hashes), else the hash of both.
    static func fingerprint(contentHash: String, metadata: FolderMetadata?) -> String {
        guard let metadata else { return contentHash }
        let values = [metadata.cluster, metadata.forum, metadata.organisation].map { $0 ?? "" }
        return Data(([contentHash] + values).joined(separator: "\n").utf8).sha256Hex
    }

    /// The folder metadata of each folder of `files` (by the folder's corpus-relative path, ""
    /// for the root), read once per folder; a malformed file is reported to `problems` and left out.
    static func load(
        for files: [CorpusFile], root: URL, problems: inout [FolderMetadataError]
    ) -> [String: FolderMetadata] {
        var own: [String: FolderMetadata?] = [:]
        var merged: [String: FolderMetadata?] = [:]
        func ownMetadata(_ folder: String) -> FolderMetadata? {
            if let known = own[folder] { return known }
            let relative = folder.isEmpty ? fileName : folder + "/" + fileName
            let path = root.appendingPathComponent(relative).path
            var metadata: FolderMetadata?
            if FileManager.default.fileExists(atPath: path) {
                do throws(FolderMetadataError) {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw FolderMetadataError(path: relative, problem: "cannot read the file")
                    }
                    metadata = try parse(data, path: relative)
                } catch {
                    problems.append(error)
                }
            }
            own[folder] = metadata
            return metadata
        }
        func mergedMetadata(_ folder: String) -> FolderMetadata? {
            if let known = merged[folder] { return known }
            let outer = folder.isEmpty ? nil : mergedMetadata(parent(of: folder))
            let inner = ownMetadata(folder)
            let result = inner.map { outer?.overridden(by: $0) ?? $0 } ?? outer
            merged[folder] = result
            return result
        }
        var byFolder: [String: FolderMetadata] = [:]
        for folder in Set(files.map { parent(of: $0.relativePath) }).sorted() {
            byFolder[folder] = mergedMetadata(folder)
        }
        return byFolder
    }

    /// "a/b/c.txt" → "a/b", "c.txt" → "".
    static func parent(of relativePath: String) -> String {
        guard let slash = relativePath.lastIndex(of: "/") else { return "" }
        return String(relativePath[..<slash])
    }
}

/// A `referat.json` that cannot be used, with the file and what is wrong (the key, when one is).
struct FolderMetadataError: Error, Sendable, Equatable, CustomStringConvertible {
    let path: String
    let problem: String

    var description: String { "\(path): \(problem); the files below it are indexed without it" }
}
