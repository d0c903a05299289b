// `seggraph trace`: everywhere one individual went in a time window.
import ArgumentParser
import Foundation
import SegGraph

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Everywhere one individual went: visits per camera, transitions, gaps, uncertain sightings.",
        discussion: """
            Seed with one of --segment, --track SOURCE:TRACK or --vector FILE (a probe's embedding, \
            .json array or .npy float32). The identity is grown, not flooded: a sighting reached over \
            next/same_as edges (or, for a vector, by similarity) is accepted only when it is similar \
            enough to the seed and to the sightings already accepted, and never in two places at once. \
            A gap between two sightings holding exactly one plausible candidate is filled and marked \
            inferred. Sightings between --uncertain and --accept are listed as uncertain, never mixed in.

            Without --from/--to the window is 6 hours either side of the seed. The JSON answer carries \
            the query, the store, the imports that contributed and a SHA-256 digest of the answer.
            """ + CommandExamples.appended("trace"))

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Seed: a segment, SOURCE/SEGMENT_ID or id:ID (#ID).") var segment: String?
    @Option(help: ArgumentHelp("Seed: every segment of a track.", valueName: "source:track")) var track: String?
    @Option(help: ArgumentHelp("Seed: an embedding in FILE (.json array or .npy float32).", valueName: "file")) var vector: String?
    @Option(help: "Embedding space (default: the store's re-identification space).") var space: String?
    @Option(help: "Similarity at which a sighting is accepted (default: the store's sameAsMutualSimilarityMin).") var accept: Double?
    @Option(help: "Similarity from which a rejected sighting is listed as uncertain.") var uncertain: Double = 0.45
    @Flag(help: "Show each visit's evidence: sightings, the rule that accepted them, similarities.") var explain = false
    @Option(help: ArgumentHelp("Also draw the timeline as SVG into FILE (one lane per camera).", valueName: "file")) var svg: String?
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard [segment != nil, track != nil, vector != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --segment, --track or --vector")
        }
    }

    func run() throws {
        try reportingErrors {
            let seed: TraceSeed
            if let segment {
                seed = .segment(segment)
            } else if let track {
                let parts = track.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw StoreError(.invalidArgument, "track \(track): expected SOURCE:TRACK", parameter: "track")
                }
                seed = .track(source: parts[0], track: parts[1])
            } else {
                seed = .vector(try VectorFile.read(vector!))
            }
            let query = TraceQuery(seed: seed, window: try window.spec(), space: space, acceptSimilarityMin: accept,
                                   uncertainSimilarityMin: uncertain, explain: explain)
            let answer = try storeOptions.run(query)
            if let svg {
                do { try answer.svg.write(toFile: svg, atomically: true, encoding: .utf8) } catch {
                    throw StoreError(.invalidArgument, "svg \(svg): cannot write: \(error.localizedDescription)", parameter: "svg")
                }
            }
            output.write(answer)
        }
    }
}
