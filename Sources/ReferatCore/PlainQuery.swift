/// A query typed as words alone, the way a clerk types into the search box ("hvornår kommer
/// Danske Regioners udvalg på besøg", "klyngemøde"): no phrase, field, bracket, wildcard, `+`/`-`
/// or boolean operator. Only such a query gets the Danish expansions of `QueryBuilder`; any
/// syntax makes the query mean exactly what it says.
enum PlainQuery {
    /// QueryParser's operators (FLAG_BOOLEAN: upper case only).
    static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]
    private static let syntax: Set<Character> = ["\"", "(", ")", ":", "*"]

    /// The whitespace-separated words, or nil when the text uses query syntax.
    static func words(in text: String) -> [String]? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for word in words {
            if word.contains(where: syntax.contains) || word.hasPrefix("+") || word.hasPrefix("-")
                || operators.contains(word.split(separator: "/").first.map(String.init) ?? word)
            {
                return nil
            }
        }
        return words
    }
}
