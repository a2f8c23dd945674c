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
    /// prefix, chosen over the whole index: `Database.mostFrequentTerms`), scaled to weight 0:
    /// unweighted, the match can stop at the first page instead of weighing every posting of
    /// every expansion. Listed here rather than left to Xapian's OP_WILDCARD, which each shard of a
    /// sharded index would expand to its own words.
    static func query(matching pattern: String, prefixes: [String], maxExpansion: Int, in database: Database) throws
        -> Query
    {
        let word = pattern.lowercased()
        let terms = try prefixes.flatMap { prefix in
            try database.mostFrequentTerms(prefix: prefix + word, limit: maxExpansion)
        }
        return try Query(.or, terms.map { try Query(term: $0) }).scaled(by: 0)
    }
}

/// Wildcards that rank (Xapian's own kind: the words as one word, `OP_SYNONYM`): after a text
/// field (`titel:sta*`), and every wildcard of a search limited to a section. Rewritten to a
/// field whose processor (set up by `QueryBuilder`) lists the words from the whole index, so
/// every shard of a sharded index weighs the same words with the same statistics.
enum RankedWildcards {
    static let fieldPrefix = "referatranked"

    /// `titel:sta*` as `referatrankedtitel:sta`, for each field of `IndexSchema.textFields`; with
    /// `section` (a text field's name), also a bare `sta*` as that field's. Phrases are left
    /// alone.
    static func rewrite(_ text: String, section: String?) -> String {
        guard text.contains("*") else { return text }
        return text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .map { index, piece in
                guard index.isMultiple(of: 2) else { return String(piece) }
                return String(
                    piece.replacing(wildcard) { match in
                        let groups = match.output.map { $0.substring.map(String.init) }
                        guard let field = groups[3] ?? section else { return String(match.output[0].substring ?? "") }
                        return "\(groups[1] ?? "")\(groups[2] ?? "")\(fieldPrefix)\(field):\(groups[4] ?? "")"
                    })
            }
            .joined(separator: "\"")
    }

    /// A word ending in `*`, optionally after one of the text fields, where Xapian reads a wildcard.
    nonisolated(unsafe) private static let wildcard = try! Regex(
        #"(^|[\s(])([+-]?)(?:("#
            + IndexSchema.textFields.map(\.field).joined(separator: "|")
            + #"):)?([\p{L}\p{N}]+)\*(?=$|[\s)])"#)

    /// The `maxExpansion` most frequent words under `prefix` starting with `pattern`, as one word.
    static func query(matching pattern: String, prefix: String, maxExpansion: Int, in database: Database) throws
        -> Query
    {
        let terms = try database.mostFrequentTerms(prefix: prefix + pattern.lowercased(), limit: maxExpansion)
        return try Query(.synonym, terms.map { try Query(term: $0) })
    }
}
