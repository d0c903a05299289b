// `seggraph eval links`: how well the derived edges match a simulated site's ground truth.
import ArgumentParser
import SegGraph

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the store against a simulated site's ground truth.",
        discussion: CommandExamples.section("eval"),
        subcommands: [Links.self, Trace.self])

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

    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Precision and recall of `trace` against ground_truth.json, beside the naive edge closure.",
            discussion: """
                Asks --queries random questions (same --seed, same questions): a random person sighting as \
                seed and a window of 10–60 min placed randomly around it. Truth = that person's sightings \
                in the window. Prints micro precision and recall over sightings and the share of questions \
                answered exactly, for the trace and for the seed's next/same_as closure, in the same run.

                Example:
                  seggraph eval trace --store s --truth site/ground_truth.json --queries 1000 --seed 1
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The simulator's ground_truth.json.") var truth: String
        @Option(help: "Number of random questions.") var queries: Int = 1000
        @Option(help: "Seed of the questions.") var seed: UInt64 = 1
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let siteTruth = try SiteTruth(contentsOf: truth)
                output.write(try storeOptions.run(TraceEvaluationQuery(truth: siteTruth, queries: queries, seed: seed)))
            }
        }
    }
}
