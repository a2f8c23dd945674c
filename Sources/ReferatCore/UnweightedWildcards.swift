import Xapian

/// Trailing wildcards typed in the search box (`kommun*`) as `field:kommun`, a field the query
/// parser answers with an unweighted wildcard (`query(matching:…)`, a field processor set up by
/// `QueryBuilder`): a wildcard selects items and the query's other words rank them. Ranking a wildcard means weighing every posting of up to
/// 200 words (tens of milliseconds on a frequent prefix such as `sundheds*`).
/// Inside quoted phrases and after a field (`titel:sta*`) the text is left to Xapian's own
/// ranked wildcard.
enum UnweightedWildcards {
    static let field = "referatwildcard"

    /// A word of letters and digits ending in `*`, at the start or after a space or `(`, with
    /// an optional `+`/`-`, and followed by the end, a space or `)` (Xapian's wildcard rule).
    nonisolated(unsafe) private static let wildcard = /(^|[\s(])([+-]?)([\p{L}\p{N}]+)\*(?=$|[\s)])/

    static func rewrite(_ text: String) -> String {
        guard text.contains("*") else { return text }
        // Even-numbered pieces between double quotes are outside phrases.
        return text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .map { index, piece in
                guard index.isMultiple(of: 2) else { return String(piece) }
                return String(piece.replacing(wildcard) { match in "\(match.1)\(match.2)\(field):\(match.3)" })
            }
            .joined(separator: "\"")
    }

    /// The words starting with `pattern` under each prefix (the `maxExpansion` most frequent per
    /// prefix), scaled to weight 0: unweighted, the match can stop at the first page instead of
    /// weighing every posting of every expansion.
    static func query(matching pattern: String, prefixes: [String], maxExpansion: Int) throws -> Query {
        let word = pattern.lowercased()
        let wildcards = try prefixes.map { prefix in
            try Query(wildcard: prefix + word, maxExpansion: maxExpansion, limit: .mostFrequent)
        }
        return try Query(.or, wildcards).scaled(by: 0)
    }
}
