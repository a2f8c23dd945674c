import ArgumentParser
import Foundation
import Logging
import ReferatCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run judged queries and print nDCG@10, recall@10 and MRR per query, per query class and as means.")

    @Argument(help: "Judgments in the format of shared/eval/dev.json (several sets are evaluated one after the other).")
    var qrels: [String]

    @OptionGroup var database: IndexReaderOptions

    func validate() throws {
        if qrels.isEmpty { throw ValidationError("name at least one judgments file") }
    }

    func run() throws {
        let searcher = try database.searcher()
        let logger = Logger.stderr("referat.eval")
        var failed = false
        for path in qrels {
            // A malformed set is named and skipped; the others are still evaluated.
            let judgments: Judgments
            do {
                judgments = try Self.judgments(at: path)
            } catch {
                logger.error("\(error)")
                failed = true
                continue
            }
            let evaluation = try Evaluation(judgments: judgments, searcher: searcher)
            print("# \(path)")
            print("id\tnDCG@10\trecall@10\tRR\tquery")
            for row in evaluation.rows {
                print("\(row.id)\t\(fixed(row.ndcg))\t\(fixed(row.recall))\t\(fixed(row.reciprocalRank))\t\(row.query)")
            }
            for (queryClass, rows) in evaluation.classes {
                print(summary("class \(queryClass)", rows))
            }
            print(summary("mean", evaluation))
        }
        if failed { throw ExitCode.failure }
    }

    struct BadJudgments: Error, CustomStringConvertible {
        var description: String
    }

    static func judgments(at path: String) throws -> Judgments {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BadJudgments(description: "cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(Judgments.self, from: data)
        } catch {
            throw BadJudgments(description: "\(path) is not a judgments file: \(error)")
        }
    }

    private func summary(_ label: String, _ evaluation: Evaluation) -> String {
        "\(label)\t\(fixed(evaluation.meanNDCG))\t\(fixed(evaluation.meanRecall))\t"
            + "\(fixed(evaluation.meanReciprocalRank))\t(\(evaluation.rows.count) queries)"
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
