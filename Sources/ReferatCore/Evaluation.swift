import Foundation

/// Graded relevance judgments at agenda-item level (the format of shared/eval/dev.json).
public struct Judgments: Decodable, Sendable {
    public struct Query: Decodable, Sendable {
        public struct Relevant: Decodable, Sendable {
            public var file: String
            public var item: Int
            public var grade: Int
        }

        public var id: String
        public var query: String
        /// What the query probes (dev2.json: 1 inflection and derivation … 6 spelling variants).
        public var queryClass: Int?
        public var relevant: [Relevant]

        enum CodingKeys: String, CodingKey {
            case id, query, relevant
            case queryClass = "class"
        }
    }

    public var queries: [Query]

    public init(from decoder: any Decoder) throws {
        queries = try [Query](from: decoder)
    }
}

/// nDCG@k, recall@k and MRR of a searcher over judged queries.
public struct Evaluation: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var query: String
        public var queryClass: Int?
        public var ndcg: Double
        public var recall: Double
        public var reciprocalRank: Double
    }

    public var cutoff: Int
    public var rows: [Row]

    public var meanNDCG: Double { mean(\.ndcg) }
    public var meanRecall: Double { mean(\.recall) }
    public var meanReciprocalRank: Double { mean(\.reciprocalRank) }

    /// The rows of each query class, by class; empty when the set has no classes.
    public var classes: [(queryClass: Int, evaluation: Evaluation)] {
        Dictionary(grouping: rows.filter { $0.queryClass != nil }, by: { $0.queryClass! })
            .sorted { $0.key < $1.key }
            .map { ($0.key, Evaluation(cutoff: cutoff, rows: $0.value)) }
    }

    public init(cutoff: Int, rows: [Row]) {
        self.cutoff = cutoff
        self.rows = rows
    }

    /// Runs every query; a hit counts once per (file, item number).
    public init(judgments: Judgments, searcher: Searcher, cutoff: Int = 10) throws {
        self.cutoff = cutoff
        rows = try judgments.queries.map { judged in
            let response = try searcher.search(SearchRequest(query: judged.query, limit: cutoff))
            var seen = Set<String>()
            let ranked = response.results.map { "\($0.file)#\($0.item.number)" }.filter { seen.insert($0).inserted }
            let grades = Dictionary(
                judged.relevant.map { ("\($0.file)#\($0.item)", $0.grade) }, uniquingKeysWith: max)
            return Row(
                id: judged.id, query: judged.query, queryClass: judged.queryClass,
                ndcg: Self.ndcg(ranked: ranked, grades: grades, cutoff: cutoff),
                recall: Self.recall(ranked: ranked, grades: grades, cutoff: cutoff),
                reciprocalRank: Self.reciprocalRank(ranked: ranked, grades: grades))
        }
    }

    static func ndcg(ranked: [String], grades: [String: Int], cutoff: Int) -> Double {
        func dcg(_ gains: [Int]) -> Double {
            gains.prefix(cutoff).enumerated().reduce(0) { $0 + Double($1.element) / log2(Double($1.offset) + 2) }
        }
        let ideal = dcg(grades.values.sorted(by: >))
        return ideal == 0 ? 0 : dcg(ranked.map { grades[$0] ?? 0 }) / ideal
    }

    static func recall(ranked: [String], grades: [String: Int], cutoff: Int) -> Double {
        let relevant = Set(grades.filter { $0.value >= 1 }.keys)
        guard !relevant.isEmpty else { return 0 }
        return Double(relevant.intersection(ranked.prefix(cutoff)).count) / Double(relevant.count)
    }

    static func reciprocalRank(ranked: [String], grades: [String: Int]) -> Double {
        guard let index = ranked.firstIndex(where: { (grades[$0] ?? 0) >= 1 }) else { return 0 }
        return 1 / Double(index + 1)
    }

    private func mean(_ metric: KeyPath<Row, Double>) -> Double {
        rows.isEmpty ? 0 : rows.map { $0[keyPath: metric] }.reduce(0, +) / Double(rows.count)
    }
}
