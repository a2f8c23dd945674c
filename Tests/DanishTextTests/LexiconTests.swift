import Foundation
import Testing

@testable import DanishText

@Suite("Lexicon")
struct LexiconTests {
    /// A word list file with `content`, removed after `body`.
    private func withList<T>(_ content: [UInt8], _ body: (String) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID()).txt").path
        try Data(content).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test("lines out of byte order, capitals, spaces and repeats are all found; nothing else is")
    func irregularLines() throws {
        let list = "abe\nbil\nhus\nanden\nBÅD\n  sø \n\nhus\nå\nzebra\r\n"
        let lexicon = try withList(Array(list.utf8)) { try Lexicon.load(path: $0) }
        for word in ["abe", "bil", "hus", "anden", "båd", "BÅD", "sø", "å", "zebra"] {
            #expect(lexicon.contains(word), "\(word)")
        }
        for word in ["", "a", "ab", "abed", "bi", "husene", "ø", "zebr", "aa"] {
            #expect(!lexicon.contains(word), "\(word)")
        }
    }

    @Test("a list that is not UTF-8 is an error naming the file")
    func invalidUTF8() throws {
        _ = try withList(Array("abe\nbil\n".utf8) + [0xFF, 0x0A]) { path in
            #expect {
                try Lexicon.load(path: path)
            } throws: { error in
                "\(error)".contains(path) && "\(error)".contains("UTF-8")
            }
        }
    }

    @Test("the Danish word list's lines are found as they read, normalised (every tenth: a debug build is slow)")
    func danishList() throws {
        let lexicon = try Lexicon.load()
        let lines = try String(contentsOfFile: "/usr/share/dict/danish", encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 300_000)
        let sample = stride(from: 0, to: lines.count, by: 10).map { String(lines[$0]) }
        let missing = sample.filter { !lexicon.contains($0) }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
        for word in ["palliationx", "zzzz", "æbleskiverne2"] { #expect(!lexicon.contains(word)) }
    }

    @Test("added words are found beside the list's")
    func added() throws {
        var lexicon = try withList(Array("bil\nhus\n".utf8)) { try Lexicon.load(path: $0) }
        lexicon.add("Palliation")
        lexicon.add("hus")
        #expect(lexicon.contains("palliation") && lexicon.contains("hus") && lexicon.contains("bil"))
        #expect(!lexicon.contains("palliationen"))
    }
}

@Suite("Lexicon cache")
struct LexiconCacheTests {
    static let list = "abe\nbil\nhus\nanden\nBÅD\n  sø \n\nhus\nå\nzebra\r\n"
    static let found = ["abe", "bil", "hus", "anden", "båd", "sø", "å", "zebra"]
    static let notFound = ["", "a", "abed", "husene", "ø", "zebr", "aa", "bilen"]

    /// A word list and a cache directory, removed after `body`.
    private func withList<T>(_ body: (_ list: String, _ cache: URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-cache-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = directory.appendingPathComponent("words.txt").path
        try Data(Self.list.utf8).write(to: URL(fileURLWithPath: list))
        return try body(list, directory.appendingPathComponent("cache"))
    }

    private func expectAnswers(_ lexicon: Lexicon, found: [String] = found, notFound: [String] = notFound) {
        for word in found { #expect(lexicon.contains(word), "\(word)") }
        for word in notFound { #expect(!lexicon.contains(word), "\(word)") }
    }

    @Test("a second load reads what the first kept, and answers as the list does")
    func keptAndReused() throws {
        try withList { list, cache in
            let first = try Lexicon.load(path: list, cacheDirectory: cache)
            let second = try Lexicon.load(path: list, cacheDirectory: cache)
            #expect(first.source == .list && second.source == .cache)
            expectAnswers(first)
            expectAnswers(second)
        }
    }

    @Test("a changed list is read again, not taken from the cache")
    func changedList() throws {
        try withList { list, cache in
            _ = try Lexicon.load(path: list, cacheDirectory: cache)
            try Data((Self.list + "cykel\n").utf8).write(to: URL(fileURLWithPath: list))
            let changed = try Lexicon.load(path: list, cacheDirectory: cache)
            #expect(changed.source == .list)
            expectAnswers(changed, found: Self.found + ["cykel"])
            #expect(try Lexicon.load(path: list, cacheDirectory: cache).source == .cache)
        }
    }

    @Test("a cache file cut short or overwritten is not used")
    func damagedCache() throws {
        try withList { list, cache in
            _ = try Lexicon.load(path: list, cacheDirectory: cache)
            let files = try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
            #expect(files.count == 1)
            let kept = try Data(contentsOf: files[0])
            for damaged in [kept.dropLast(3), kept.dropLast(kept.count - 20), Data(kept.reversed())] {
                try Data(damaged).write(to: files[0])
                let lexicon = try Lexicon.load(path: list, cacheDirectory: cache)
                #expect(lexicon.source == .list)
                expectAnswers(lexicon)
            }
        }
    }
}
