import ArgumentParser
import Foundation
import ReferatCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run judged queries and print nDCG@10, recall@10 and MRR per query and as means.")

    @Argument(help: "Judgments in the format of shared/eval/dev.json.")
    var qrels: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: qrels))
        } catch {
            throw ValidationError("cannot read \(qrels): \(error.localizedDescription)")
        }
        let judgments: Judgments
        do {
            judgments = try JSONDecoder().decode(Judgments.self, from: data)
        } catch {
            throw ValidationError("\(qrels) is not a judgments file: \(error)")
        }
        let evaluation = try Evaluation(judgments: judgments, searcher: try Searcher(databasePath: database.db))
        print("id\tnDCG@10\trecall@10\tRR\tquery")
        for row in evaluation.rows {
            print("\(row.id)\t\(fixed(row.ndcg))\t\(fixed(row.recall))\t\(fixed(row.reciprocalRank))\t\(row.query)")
        }
        print(
            "mean\t\(fixed(evaluation.meanNDCG))\t\(fixed(evaluation.meanRecall))\t"
                + "\(fixed(evaluation.meanReciprocalRank))\t(\(evaluation.rows.count) queries)")
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
