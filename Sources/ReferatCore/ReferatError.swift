import Xapian

/// Errors a user or a script can act on; each description is one line naming what failed.
public enum ReferatError: Error, CustomStringConvertible, Equatable {
    case indexMissing(path: String)
    case indexUnreadable(path: String, reason: String)
    case indexLocked(path: String)
    case corpusMissing(path: String)
    case badQuery(query: String, reason: String)
    /// A query that parses but that Xapian cannot run.
    case unsupportedQuery(query: String, reason: String)
    case badParameter(name: String, reason: String)
    case wordListMissing(reason: String)
    /// A shard listed in a stub that cannot be opened, broke its connection or did not answer
    /// within the timeout.
    case shardUnavailable(shard: String, reason: String)
    /// A stub line that names no shard Referat can open.
    case badStub(file: String, line: Int, text: String)

    /// The request itself was at fault (its query or a parameter), not the index or the machine.
    public var isAboutTheRequest: Bool {
        switch self {
        case .badQuery, .unsupportedQuery, .badParameter: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .indexMissing(let path):
            "no index at \(path): run `referat index` first"
        case .indexUnreadable(let path, let reason):
            "cannot read the index at \(path): \(reason)"
        case .indexLocked(let path):
            "the index at \(path) is being updated by another process"
        case .corpusMissing(let path):
            "no corpus directory at \(path)"
        case .badQuery(let query, let reason):
            "cannot parse the query \"\(query)\": \(reason)"
        case .unsupportedQuery(let query, let reason):
            "cannot run the query \"\(query)\": \(reason)"
        case .badParameter(let name, let reason):
            "bad \(name): \(reason)"
        case .wordListMissing(let reason):
            "cannot split or derive Danish words without the Danish word list (apt-get install wdanish): \(reason)"
        case .shardUnavailable(let shard, let reason):
            "shard \(shard) is not available: \(reason)"
        case .badStub(let file, let line, let text):
            "\(file):\(line): not a shard (auto PATH, remote HOST:PORT or remote :PROGRAM ARGS): \(text)"
        }
    }
}
