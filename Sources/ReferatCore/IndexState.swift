import Crypto
import Foundation
import Xapian

/// What the index remembers about the corpus it was built from, kept as Xapian user metadata
/// so that it is committed in the same revision as the items it describes: a crash can never
/// record a file as indexed without its items, or items without the file's hash.
///
/// - `referat.fingerprint`: the indexer's schema version and the synonyms file. When it
///   changes, every file is indexed again.
/// - `referat.file:<relative path>`: "<fingerprint> <relative path>", the fingerprint being the
///   SHA-256 of the file's bytes, combined with its folder metadata when a `referat.json`
///   applies (`FolderMetadata.fingerprint`). A path
///   too long for a Xapian key is keyed by its own hash (`referat.file:#<sha256>`); the path is
///   always in the value, so the set of indexed files can be listed.
enum IndexState {
    /// Bump when the documents the indexer writes change shape, so old indexes are refreshed.
    static let schemaVersion = "referat-index-11"
    static let fingerprintKey = "referat.fingerprint"
    static let filePrefix = "referat.file:"
    /// Xapian (glass) refuses keys much over 240 bytes.
    static let maxKeyBytes = 200

    struct Entry: Equatable {
        var key: String
        var hash: String
    }

    static func key(for path: String) -> String {
        let key = filePrefix + path
        return key.utf8.count <= maxKeyBytes ? key : filePrefix + "#" + Data(path.utf8).sha256Hex
    }

    static func value(hash: String, path: String) -> String { hash + " " + path }

    /// The indexed files: relative path → metadata key and content hash.
    static func files(in database: Database) throws -> [String: Entry] {
        var files: [String: Entry] = [:]
        for key in try database.metadataKeys(prefix: filePrefix) {
            let value = try database.metadata(key)
            guard let space = value.firstIndex(of: " ") else { continue }
            files[String(value[value.index(after: space)...])] = Entry(key: key, hash: String(value[..<space]))
        }
        return files
    }

    /// The fingerprint of what, besides a file's own bytes, shapes its documents.
    static func fingerprint(synonymsFile: URL) -> String {
        var data = Data((schemaVersion + "\n").utf8)
        if let synonyms = try? Data(contentsOf: synonymsFile) { data.append(synonyms) }
        return data.sha256Hex
    }
}

extension Data {
    /// The SHA-256 of these bytes in lower-case hex (swift-crypto; Foundation on Linux has none).
    var sha256Hex: String {
        SHA256.hash(data: self).map { String(format: "%02x", $0) }.joined()
    }
}
