internal import CXapian

#if canImport(Glibc)
    import Glibc
#endif

/// An error raised by Xapian, carried across the C shim as its exception class and message.
public struct XapianError: Error, Equatable, CustomStringConvertible {
    /// The Xapian exception classes that callers react to; anything else is `.other`.
    public enum Kind: Equatable, Sendable {
        case databaseOpening
        case databaseNotFound
        case databaseLock
        case databaseModified
        case databaseCorrupt
        case databaseVersion
        case documentNotFound
        case queryParser
        case invalidArgument
        case invalidOperation
        case range
        /// A query Xapian parses but cannot run (a wildcard inside NEAR/ADJ, …).
        case unimplemented
        /// A remote database (xapian-tcpsrv, xapian-progsrv) that cannot be reached, broke the
        /// connection or did not answer within its timeout (NetworkError, NetworkTimeoutError).
        case network
        case outOfMemory
        case other
    }

    public let kind: Kind
    /// The Xapian exception class, e.g. "DatabaseLockError".
    public let type: String
    public let message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
        switch type {
        case "DatabaseOpeningError": kind = .databaseOpening
        case "DatabaseNotFoundError": kind = .databaseNotFound
        case "DatabaseLockError": kind = .databaseLock
        case "DatabaseModifiedError": kind = .databaseModified
        case "DatabaseCorruptError": kind = .databaseCorrupt
        case "DatabaseVersionError": kind = .databaseVersion
        case "DocNotFoundError": kind = .documentNotFound
        case "QueryParserError": kind = .queryParser
        case "InvalidArgumentError": kind = .invalidArgument
        case "InvalidOperationError": kind = .invalidOperation
        case "RangeError": kind = .range
        case "UnimplementedError": kind = .unimplemented
        case "NetworkError", "NetworkTimeoutError": kind = .network
        case "MemoryError": kind = .outOfMemory
        default: kind = .other
        }
    }

    public var description: String { "\(type): \(message)" }

    static let outOfMemory = XapianError(type: "MemoryError", message: "out of memory")
}

/// Runs one shim call that reports failure through an `xap_error` out-parameter, and throws it.
/// Keeps every call site to one line, whatever the shim function returns.
@discardableResult
func check<T>(_ call: (UnsafeMutablePointer<OpaquePointer?>) -> T) throws(XapianError) -> T {
    var error: OpaquePointer?
    let result = call(&error)
    if let error {
        defer { xap_error_free(error) }
        throw XapianError(
            type: String(cString: xap_error_type(error)), message: String(cString: xap_error_message(error)))
    }
    return result
}

/// Takes ownership of a malloc'd C string from the shim.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?, length: Int? = nil) -> String {
    guard let pointer else { return "" }
    defer { xap_string_free(pointer) }
    guard let length else { return String(cString: pointer) }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
    return String(decoding: bytes, as: UTF8.self)
}

/// Takes ownership of an `xap_strlist` from the shim.
func takeList(_ list: OpaquePointer?) -> [(String, Int)] {
    guard let list else { return [] }
    defer { xap_strlist_free(list) }
    return (0..<xap_strlist_size(list)).map { index in
        var length = 0
        let bytes = xap_strlist_get(list, index, &length)
        let text = String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
        return (text, Int(xap_strlist_count(list, index)))
    }
}

/// Calls `body` with a C array of C strings that lives for the duration of the call.
@discardableResult
func withCStringArray<R>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>>?, Int) throws(XapianError) -> R
) throws(XapianError) -> R {
    let copies = strings.map { strdup($0)! }
    defer {
        for copy in copies { free(copy) }
    }
    let pointers = copies.map { UnsafePointer($0) }
    return try pointers.withUnsafeBufferPointer { buffer throws(XapianError) in
        try body(buffer.baseAddress, buffer.count)
    }
}

/// Calls `body` with a string's UTF-8 bytes and their count (binary-safe, never a nil pointer).
@discardableResult
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>, Int) throws(XapianError) -> R) throws(XapianError)
    -> R
{
    let bytes = string.utf8CString  // NUL-terminated, so never empty
    return try bytes.withUnsafeBufferPointer { buffer throws(XapianError) in
        try body(buffer.baseAddress!, buffer.count - 1)
    }
}
