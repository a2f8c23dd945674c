import ReferatTestSupport
import Testing

@testable import ReferatCore

/// Every combination of the query language's pieces either answers or is refused as the user's
/// input (`badQuery`, `unsupportedQuery`); none is mistaken for an unreadable index.
@Suite struct QuerySyntaxSweepTests {
    static let operands = [
        "IPS", "palli*", "Sø*", "\"mobil blodprøvetagning\"", "\"palli* pleje\"", "titel:budget", "titel:sta*",
        "klynge:nord", "år:2022", "dato:2022-01-01..2022-12-31", "dato:..2022", "+psykiatri", "-covid", "(IPS OR KL)",
        "ø", "",
    ]
    static let operators = ["", "AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "ADJ/2", "AND NOT"]

    @Test func everyCombinationAnswersOrIsRefusedAsInput() throws {
        let searcher = try SampleIndex.searcher()
        var refused = 0
        var answered = 0
        for left in Self.operands {
            for op in Self.operators {
                for right in Self.operands {
                    let query = [left, op, right].filter { !$0.isEmpty }.joined(separator: " ")
                    do {
                        _ = try searcher.search(SearchRequest(query: query))
                        answered += 1
                    } catch ReferatError.badQuery, ReferatError.unsupportedQuery {
                        refused += 1
                    } catch {
                        Issue.record("\(query): \(error)")
                    }
                }
            }
        }
        // Both kinds occur, so the sweep tests the refusal path as well as the answers.
        #expect(answered > 0 && refused > 0, "answered \(answered), refused \(refused)")
    }
}
