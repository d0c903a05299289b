// `seggraph eval links`: how well the derived edges match a simulated site's ground truth.
import ArgumentParser
import SegGraph

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the store against a simulated site's ground truth.",
        subcommands: [Links.self])

    struct Links: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Precision and recall of every derived edge kind against ground_truth.json.",
            discussion: """
                For next, holds, wears, rides and during: precision = found edges the truth has / found \
                edges, recall = truth edges found / truth edges. For same_as: precision = edges joining \
                two sightings of one person / edges, recall = hand-offs (a person's consecutive sightings \
                on different cameras) joined by a direct edge / hand-offs.

                Example:
                  seggraph simulate --out site --profile crowded --seed 3
                  seggraph import --store s site/cam_*.json
                  seggraph eval links --store s --truth site/ground_truth.json
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The simulator's ground_truth.json.") var truth: String
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let siteTruth = try SiteTruth(contentsOf: truth)
                output.write(try storeOptions.run(LinkEvaluationQuery(truth: siteTruth)))
            }
        }
    }
}
