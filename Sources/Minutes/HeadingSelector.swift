/// Chooses the agenda headings among the candidates: the longest run of numbers increasing by
/// one, in document order.
///
/// Markup beats plain text: when the document marks at least two consecutive agenda headings
/// up (markdown `#` or bold), a plain numbered line may only fill a gap between marked-up
/// headings (a marked-up heading with a lower number above it and one with a higher number
/// below it); it never extends the agenda at either end. Among runs of equal length the one
/// with more marked-up headings wins, then the one with more headings that have a body (the
/// next non-blank line is not another numbered heading: an agenda listed at the top of the
/// file has none), then the one starting at 1, then the earlier one.
/// A lone plain numbered line is not an agenda, unless evidence says it is: section labels
/// (Sagsfremstilling, Resume, Beslutning, …) follow it, or a table of contents above lists it.
/// A list that an export renumbered to "1." for every entry (every candidate is numbered 1 and
/// has a body, and at least two of them, and at least half, open with section labels) is the
/// agenda in order: its items are numbered by position.
enum HeadingSelector {
    static func select(_ candidates: [HeadingCandidate]) -> [HeadingCandidate] {
        let openingSections = candidates.filter(\.opensSections).count
        if candidates.count >= 2, openingSections >= 2, openingSections * 2 >= candidates.count,
            candidates.allSatisfy({ $0.number == 1 && $0.hasBody })
        {
            return candidates.enumerated().map { position, candidate in
                var renumbered = candidate
                renumbered.number = position + 1
                return renumbered
            }
        }
        let structured = candidates.filter(\.isStructured)
        let pool: [HeadingCandidate]
        if longestRun(structured).count >= 2 {
            pool = candidates.filter { candidate in
                candidate.isStructured
                    || (structured.contains { $0.line < candidate.line && $0.number < candidate.number }
                        && structured.contains { $0.line > candidate.line && $0.number > candidate.number })
            }
        } else {
            pool = candidates
        }
        let run = longestRun(pool)
        if run.count == 1, !run[0].isStructured, !run[0].isListed, !run[0].opensSections { return [] }
        return run
    }

    private struct Score: Comparable {
        var count = 0
        var structured = 0
        var withBody = 0
        var startsAtOne = false
        var startLine = Int.max

        static func < (a: Score, b: Score) -> Bool {
            (a.count, a.structured, a.withBody, a.startsAtOne ? 1 : 0, -a.startLine)
                < (b.count, b.structured, b.withBody, b.startsAtOne ? 1 : 0, -b.startLine)
        }
    }

    /// The best chain `c₁ … cₖ` with `cᵢ₊₁.number == cᵢ.number + 1` and increasing lines.
    static func longestRun(_ candidates: [HeadingCandidate]) -> [HeadingCandidate] {
        let sorted = candidates.sorted { $0.line < $1.line }
        var best: [Score] = []
        var previous: [Int?] = []
        for (i, candidate) in sorted.enumerated() {
            var score = Score(
                count: 1, structured: candidate.isStructured ? 1 : 0,
                withBody: candidate.hasBody ? 1 : 0, startsAtOne: candidate.number == 1, startLine: candidate.line)
            var link: Int?
            for j in 0..<i where sorted[j].number + 1 == candidate.number && sorted[j].lastLine < candidate.line {
                var extended = best[j]
                extended.count += 1
                extended.structured += candidate.isStructured ? 1 : 0
                extended.withBody += candidate.hasBody ? 1 : 0
                if score < extended {
                    score = extended
                    link = j
                }
            }
            best.append(score)
            previous.append(link)
        }
        guard let end = best.indices.max(by: { best[$0] < best[$1] }) else { return [] }
        var chain: [HeadingCandidate] = []
        var cursor: Int? = end
        while let i = cursor {
            chain.append(sorted[i])
            cursor = previous[i]
        }
        return chain.reversed()
    }
}
