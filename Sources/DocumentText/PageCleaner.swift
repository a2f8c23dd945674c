import DanishText

/// Removes what a PDF repeats on its pages from its text (`PDFLayout`'s lines), page by page:
/// running headers and footers, bare page numbers; joins words hyphenated across a page break;
/// expands ligatures. Pure text in, text out.
public enum PageCleaner {
    /// Lines at each end of a page that may be a header or footer.
    static let margin = 3

    /// The pages as one text, lines in order, pages apart by a blank line.
    ///
    /// - A running header or footer is a line among the first (last) `margin` non-blank lines
    ///   of at least `max(2, 60%)` of the pages, compared with digits masked and spaces folded
    ///   ("Side 3 af 12" and "Side 4 af 12" are one line). It is removed from every page but the
    ///   first page's header, which is usually the title.
    /// - A bare page number ("3", "- 3 -", "Side 3", "Side 3 af 12", "3/12", "Page 3 of 12")
    ///   among those end lines is removed on any page.
    public static func clean(pages rawPages: [String]) -> String {
        var pages = rawPages.map { page in
            expandingLigatures(page).split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0.isWhitespace }.reversed())
            }
        }
        let running = runningLines(pages)
        for index in pages.indices {
            let content = pages[index].indices.filter { !pages[index][$0].isEmpty }
            let top = content.prefix(margin)
            let bottom = content.suffix(margin)
            var drop: Set<Int> = []
            for line in top
            where isPageNumber(pages[index][line]) || (index > 0 && running.top.contains(key(pages[index][line]))) {
                drop.insert(line)
            }
            for line in bottom
            where isPageNumber(pages[index][line]) || running.bottom.contains(key(pages[index][line])) {
                drop.insert(line)
            }
            pages[index] = pages[index].indices.filter { !drop.contains($0) }.map { pages[index][$0] }
        }
        joinWordsAcrossPageBreaks(&pages)
        return pages.map { $0.joined(separator: "\n").trimmingBlankLines }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    /// The keys of lines that recur at the top and at the bottom of most pages.
    private static func runningLines(_ pages: [[String]]) -> (top: Set<String>, bottom: Set<String>) {
        guard pages.count >= 2 else { return ([], []) }
        let needed = max(2, Int((Double(pages.count) * 0.6).rounded(.up)))
        var top: [String: Int] = [:]
        var bottom: [String: Int] = [:]
        for page in pages {
            let content = page.filter { !$0.isEmpty }
            for line in Set(content.prefix(margin).map(key)) { top[line, default: 0] += 1 }
            for line in Set(content.suffix(margin).map(key)) { bottom[line, default: 0] += 1 }
        }
        return (Set(top.filter { $0.value >= needed }.keys), Set(bottom.filter { $0.value >= needed }.keys))
    }

    /// A line compared across pages: digits masked, white space folded, lower case.
    static func key(_ line: String) -> String {
        var out = ""
        var lastWasSpace = true
        for character in line.lowercased() {
            if character.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character.isNumber ? "#" : character)
                lastWasSpace = false
            }
        }
        return out.hasSuffix(" ") ? String(out.dropLast()) : out
    }

    /// A line that is nothing but a page number, in the forms Danish and English exports print.
    static func isPageNumber(_ line: String) -> Bool {
        let words = key(line).replacingOccurrences(of: "#", with: "9").split(whereSeparator: { " -–/".contains($0) })
        let number: (Substring) -> Bool = { $0.allSatisfy { $0 == "9" } }
        switch words.count {
        case 1: return number(words[0])  // "3", "- 3 -"
        case 2:
            return ["side", "page", "s."].contains(words[0]) && number(words[1])
                || number(words[0]) && number(words[1])  // "Side 3", "3/12"
        case 4:
            return ["side", "page"].contains(words[0]) && number(words[1]) && ["af", "of"].contains(words[2])
                && number(words[3])
        default: return false
        }
    }

    /// A word hyphenated at the end of one page and finished at the top of the next is one
    /// word on the earlier page (by the rule `Normalizer` applies to line breaks).
    private static func joinWordsAcrossPageBreaks(_ pages: inout [[String]]) {
        for index in pages.indices.dropLast() {
            guard let last = pages[index].lastIndex(where: { !$0.isEmpty }),
                let next = pages.indices.dropFirst(index + 1).first(where: { pages[$0].contains { !$0.isEmpty } }),
                let first = pages[next].firstIndex(where: { !$0.isEmpty }),
                let joined = Normalizer.joinedAcrossBreak(pages[index][last], pages[next][first])
            else { continue }
            pages[index][last] = joined
            pages[next].remove(at: first)
        }
    }

    private static let ligatures: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    static func expandingLigatures(_ text: String) -> String {
        // Ligatures are U+FB00…U+FB06, whose UTF-8 starts EF AC: most pages have none.
        guard text.utf8.contains(0xEF) else { return text }
        var out = ""
        for character in text { if let plain = ligatures[character] { out += plain } else { out.append(character) } }
        return out
    }
}

extension String {
    /// Without blank lines at the start and end.
    fileprivate var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
