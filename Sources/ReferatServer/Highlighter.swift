import Foundation

/// Marks a query's words in an item's text for the item page: the text is HTML-escaped, then
/// every whole word is wrapped in `<mark>` (case-insensitive) when it equals a query word, has
/// the same stem, starts with a query word's stem (compounds: "akutplanen" for "akut") or with
/// a wildcard's prefix (`palli*`).
///
/// An approximation of what Xapian matched: the index stems with Snowball's Danish stemmer, and
/// this strips the same main suffixes (Snowball Danish step 1), which is close enough to find
/// "palliationen" for "palliation". Operators, field filters (`klynge:nord`) and excluded words
/// (`-budget`) are not marked.
struct Highlighter {
    /// Whole words to mark, lowercased.
    private(set) var words: Set<String> = []
    /// The query words' stems: a text word with one of these stems is marked.
    private(set) var stems: Set<String> = []
    /// Word beginnings to mark, lowercased: wildcard prefixes and stems long enough not to
    /// mark unrelated words.
    private(set) var prefixes: Set<String> = []
    /// Stems at least this long also mark words that start with them.
    static let minimumPrefixLength = 4

    static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]
    /// Fields whose value is text in the item (`titel:budget`); other fields are filters.
    static let textFields: Set<String> = ["titel", "title"]
    /// Stems shorter than this would mark too much.
    static let minimumStemLength = 3

    init(query: String) {
        for var token in query.split(whereSeparator: { $0.isWhitespace }).map(String.init) {
            if token.hasPrefix("-") { continue }
            if Self.operators.contains(token) { continue }
            token = String(token.drop(while: { "+(\"".contains($0) }))
            if let colon = token.firstIndex(of: ":") {
                let field = token[..<colon].lowercased()
                guard Self.textFields.contains(field) else { continue }
                token = String(token[token.index(after: colon)...])
            }
            let wildcard = token.hasSuffix("*")
            let parts = Self.wordRuns(in: token)
            for (index, part) in parts.enumerated() {
                let word = part.lowercased()
                if wildcard && index == parts.count - 1 {
                    prefixes.insert(word)
                } else {
                    words.insert(word)
                    let stem = Self.stem(word)
                    stems.insert(stem)
                    if stem.count >= Self.minimumPrefixLength { prefixes.insert(stem) }
                }
            }
        }
    }

    var isEmpty: Bool { words.isEmpty && prefixes.isEmpty }

    /// The text as HTML, the query's words marked.
    func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var start = text.startIndex
        while start < text.endIndex {
            let isWord = Self.isWordCharacter(text[start])
            var end = text.index(after: start)
            while end < text.endIndex, Self.isWordCharacter(text[end]) == isWord { end = text.index(after: end) }
            let piece = text[start..<end]
            if isWord && matches(piece.lowercased()) {
                result += "<mark>" + HTML.escape(piece) + "</mark>"
            } else {
                result += HTML.escape(piece)
            }
            start = end
        }
        return result
    }

    private func matches(_ word: String) -> Bool {
        words.contains(word) || prefixes.contains { word.hasPrefix($0) } || stems.contains(Self.stem(word))
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    static func wordRuns(in text: String) -> [Substring] {
        text.split(whereSeparator: { !isWordCharacter($0) })
    }

    /// Snowball Danish step 1 suffixes, longest first.
    private static let suffixes = [
        "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
        "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene",
        "ere", "ens", "ers", "ets", "en", "er", "es", "et", "e",
    ]

    /// The word without its inflection ending, roughly as Snowball's Danish stemmer would cut it.
    static func stem(_ word: String) -> String {
        for suffix in suffixes where word.hasSuffix(suffix) {
            let stem = String(word.dropLast(suffix.count))
            if stem.count >= minimumStemLength { return stem }
        }
        return word
    }
}

/// Small HTML and URL helpers for the pages.
enum HTML {
    /// Escapes the five characters that matter in HTML text and attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// A query-string component: everything but RFC 3986's unreserved characters percent-encoded.
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// `path?name=value&…`, skipping nil and empty values.
    static func url(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(component(value))"
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }
}

/// Danish renderings of numbers and dates.
enum Danish {
    private static let months = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
        "november", "december",
    ]

    /// `2022-05-03` as "3. maj 2022"; anything else as given.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return iso }
        return "\(day). \(months[month - 1]) \(year)"
    }

    /// 12345 as "12.345".
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ".")
    }

    /// A duration in seconds with a decimal comma: "0,004 sek.".
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        let text = String(format: "%d,%03d", milliseconds / 1000, milliseconds % 1000)
        return "\(text) sek."
    }
}
