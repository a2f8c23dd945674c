import Foundation
import ZIPFoundation

/// Reads a Word document (.docx): a ZIP archive whose `word/document.xml` holds the paragraphs
/// and tables, `word/styles.xml` the heading styles and `word/numbering.xml` the automatic
/// numbering. Each entry is inflated with a byte limit, whatever size the archive declares.
public struct DOCXReader: Sendable {
    public static let defaultEntryLimit = 64 * 1024 * 1024
    public static let defaultTotalLimit = 128 * 1024 * 1024

    /// Bytes one archive entry may inflate to.
    public var entryLimit: Int
    /// Bytes all entries read from one archive may inflate to.
    public var totalLimit: Int

    public init(entryLimit: Int = DOCXReader.defaultEntryLimit, totalLimit: Int = DOCXReader.defaultTotalLimit) {
        self.entryLimit = entryLimit
        self.totalLimit = totalLimit
    }

    static let documentPart = "word/document.xml"

    func text(of data: Data) throws(DocumentTextError) -> String {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAZip("\(error)")
        }
        var budget = totalLimit
        guard let document = try read(Self.documentPart, from: archive, budget: &budget) else {
            throw .missingPart(Self.documentPart)
        }
        let styles = try read("word/styles.xml", from: archive, budget: &budget).map { xml throws(DocumentTextError) in
            try WordStyles(xml: xml, part: "word/styles.xml")
        }
        let numbering = try read("word/numbering.xml", from: archive, budget: &budget).map {
            xml throws(DocumentTextError) in try WordNumbering(xml: xml, part: "word/numbering.xml")
        }
        return try WordDocument.text(
            xml: document, part: Self.documentPart, styles: styles ?? WordStyles(),
            numbering: numbering ?? WordNumbering())
    }

    /// The inflated bytes of the entry at `path`, nil if there is none; over `entryLimit` or
    /// the remaining `budget` it stops reading and throws.
    private func read(_ path: String, from archive: Archive, budget: inout Int) throws(DocumentTextError) -> Data? {
        guard let entry = archive[path] else { return nil }
        let limit = min(entryLimit, budget)
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw EntryTooLarge() }
                data.append(chunk)
            }
        } catch is EntryTooLarge {
            throw .tooLargeUncompressed(part: path, limit: limit)
        } catch {
            throw .notAZip("\(path): \(error)")
        }
        budget -= data.count
        return data
    }

    private struct EntryTooLarge: Error {}
}
