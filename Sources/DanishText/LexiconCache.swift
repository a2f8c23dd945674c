import Foundation

/// What loading a word list found (where its normalised words start, its other lines
/// normalised), kept in a file for the next process: a one-off search otherwise spends half its
/// time on the pass over the list's 313,000 lines. The file names the list's path, size and
/// modification time, and is used only while they are the list's; one that is not whole is not
/// used. It is a cache: when it cannot be written, the next process reads the list again.
struct LexiconCache {
    let file: URL
    /// The list as the cache must have seen it.
    let key: String

    static let format = "referat-lexicon 1"

    /// Nil when the list's size and modification time cannot be read.
    init?(directory: URL, list path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let name = URL(fileURLWithPath: path).lastPathComponent
        file = directory.appendingPathComponent("\(name).lexicon")
        key = "\(Self.format)\t\(path)\t\(size)\t\(modified.timeIntervalSince1970)\n"
    }

    /// The kept starts and other words, or nil (no file, another list's, or not whole).
    func read() -> (listed: [UInt32], extra: SortedWords)? {
        guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
        let header = Array(key.utf8)
        guard data.count >= header.count + 12, data.prefix(header.count).elementsEqual(header) else { return nil }
        var offset = header.count
        let sizes = words(of: data, at: &offset, count: 3).map(Int.init)
        let (startCount, byteCount, endCount) = (sizes[0], sizes[1], sizes[2])
        guard data.count == offset + 4 * startCount + byteCount + 4 * endCount else { return nil }
        let listed = words(of: data, at: &offset, count: startCount)
        let bytes = Array(data[(data.startIndex + offset)..<(data.startIndex + offset + byteCount)])
        offset += byteCount
        let ends = words(of: data, at: &offset, count: endCount)
        guard let extra = SortedWords(bytes: bytes, ends: ends) else { return nil }
        return (listed, extra)
    }

    /// Keeps them, replacing the file whole (written aside, then renamed over it).
    func write(listed: [UInt32], extra: SortedWords) {
        var data = Data(key.utf8)
        for count in [listed.count, extra.bytes.count, extra.ends.count] { append(UInt32(count), to: &data) }
        for start in listed { append(start, to: &data) }
        data.append(contentsOf: extra.bytes)
        for end in extra.ends { append(end, to: &data) }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }

    private func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private func words(of data: Data, at offset: inout Int, count: Int) -> [UInt32] {
        let start = offset
        offset += 4 * count
        return data.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * $0, as: UInt32.self)) }
        }
    }
}
