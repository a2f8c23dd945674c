import DanishText
import DocumentText
import Foundation

/// User-editable synonym groups from `synonymer.txt` in the corpus root, one group a line:
///
///     # comment
///     DÆMP = den ældre medicinske patient
///     sygehus = hospital
///
/// Every member of a group finds the others. Single words go into Xapian's synonym table
/// (so the query parser expands them); a spelled-out form of several words is recognised at
/// index time, and items containing it are also indexed under the group's single words.
public struct Synonyms: Sendable, Equatable {
    public static let fileName = "synonymer.txt"

    /// Each group's members as lowercase word sequences.
    public private(set) var groups: [[[String]]] = []
    /// Single-word members written in capitals (DÆMP): matched unstemmed too.
    public private(set) var acronyms: Set<String> = []

    public init() {}

    /// Parses the file's text; `problems` gets one message per line that is not a group.
    public init(text: String, file: String, problems: inout [String]) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !content.allSatisfy(\.isWhitespace) else { continue }
            let tokens = content.split(separator: "=").map { Tokenizer.tokenize(String($0)) }
            let members = tokens.map { $0.map(\.term) }
            guard members.count >= 2, members.allSatisfy({ !$0.isEmpty }) else {
                problems.append("\(file):\(index + 1): not a synonym group \"a = b\": \(line)")
                continue
            }
            groups.append(members)
            acronyms.formUnion(tokens.filter { $0.count == 1 && $0[0].isAcronym }.map { $0[0].term })
        }
    }

    /// Reads `synonymer.txt` under `root`; no file means no synonyms.
    public static func load(fromCorpus root: URL, problems: inout [String]) -> Synonyms {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Synonyms() }
        guard let data = try? Data(contentsOf: url) else {
            problems.append("\(url.path): cannot read the synonyms file")
            return Synonyms()
        }
        return Synonyms(text: PlainText.decode(data).text, file: url.path, problems: &problems)
    }

    /// (key, synonym) pairs for Xapian's synonym table. The query parser looks a lower-case
    /// word up by its stem ("Z" + stem) and a capitalised one as written, and several words by
    /// their unstemmed words joined with spaces; synonyms must be single terms.
    func tableEntries(stem: (String) throws -> String) rethrows -> [(key: String, synonym: String)] {
        var entries: [(String, String)] = []
        for group in groups {
            let singles = group.filter { $0.count == 1 }.map { $0[0] }
            for member in group {
                let others = singles.filter { [$0] != member }
                if member.count == 1 {
                    let word = member[0]
                    for other in others {
                        entries.append(
                            (IndexSchema.stemPrefix + (try stem(word)), IndexSchema.stemPrefix + (try stem(other))))
                        if acronyms.contains(word) || acronyms.contains(other) { entries.append((word, other)) }
                    }
                } else {
                    entries += others.map { (member.joined(separator: " "), $0) }
                }
            }
        }
        return entries
    }

    /// Single-word members to index for a text containing a several-word member, with the
    /// position where that member starts.
    func impliedTerms(in terms: [(term: String, position: Int)]) -> [(term: String, position: Int)] {
        var implied: [(String, Int)] = []
        for group in groups {
            let singles = group.filter { $0.count == 1 }.map { $0[0] }
            for member in group where member.count > 1 {
                guard member.count <= terms.count else { continue }
                for start in 0...(terms.count - member.count)
                where zip(member.indices, member).allSatisfy({ offset, word in
                    terms[start + offset].term == word
                        && terms[start + offset].position == terms[start].position + offset
                }) {
                    implied += singles.map { ($0, terms[start].position) }
                }
            }
        }
        return implied
    }
}
