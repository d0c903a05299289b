// `seggraph simulate`: write a deterministic multi-camera site (demo and benchmark data), with
// the noise real trackers add chosen by a profile and adjustable knob by knob.
public import ArgumentParser
import Foundation
import SiteSimulator

extension SimulationProfile: ExpressibleByArgument {}

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate a simulated multi-camera site: one segment document per camera plus ground_truth.json.",
        discussion: """
            Deterministic: the same parameters and seed give byte-identical files.

            A profile sets what differs between real trackers and sites; a knob given as well \
            overrides the profile's value. Profiles:
            \(SimulationProfile.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

            Score the linker on several profiles and seeds (`seggraph eval links`), not on one.
            """ + CommandExamples.appended("simulate"))

    @Option(help: "Number of cameras.") var cameras: Int = 4
    @Option(help: "Number of people.") var people: Int = 50
    @Option(help: "Simulated hours.") var hours: Double = 0.25
    @Option(help: "Frames per second of the boxes.") var fps: Double = 5
    @Option(help: "Embedding dimension.") var dim: Int = 128
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Output directory.") var out: String
    @Option(help: "Noise profile: \(SimulationProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: SimulationProfile = .standard

    @Option(help: "Person box jitter per frame, in pixels.") var boxJitter: Double?
    @Option(help: "Carried object's own jitter, in carrier heights.") var objectJitter: Double?
    @Option(help: "Share of a carried object's frames the detector misses.") var objectMiss: Double?
    @Option(help: "Share of people walking shoulder to shoulder with a companion.") var groups: Double?
    @Option(help: "Share of companions handed the leader's bag.") var handOvers: Double?
    @Option(help: "Share of bag carriers who set the bag down as they leave.") var setDowns: Double?
    @Option(help: "Share of appearances split by occlusion.") var splits: Double?
    @Option(help: "Share of people who look like someone else.") var lookalikes: Double?
    @Option(help: "Share of person segments with a degraded embedding.") var degraded: Double?
    @Option(help: "False detections per camera-hour.") var spurious: Double?
    @Option(help: "Share of people carrying a bag, backpack or suitcase.") var carry: Double?

    func run() throws {
        try reportingErrors {
            var parameters = SimulationParameters(cameras: cameras, people: people, hours: hours,
                                                  framesPerSecond: fps, embeddingDimension: dim, seed: seed)
            profile.apply(to: &parameters)
            if let boxJitter { parameters.boxJitterPixels = boxJitter }
            if let objectJitter { parameters.objectJitterRelative = objectJitter }
            if let objectMiss { parameters.objectMissFraction = objectMiss }
            if let groups { parameters.groupFraction = groups }
            if let handOvers { parameters.handOverFraction = handOvers }
            if let setDowns { parameters.setDownFraction = setDowns }
            if let splits { parameters.occlusionSplitFraction = splits }
            if let lookalikes { parameters.lookalikeFraction = lookalikes }
            if let degraded { parameters.degradedFraction = degraded }
            if let spurious { parameters.spuriousPerCameraHour = spurious }
            if let carry { parameters.carryFraction = carry }
            try parameters.validate()
            let summary = try SiteSimulator(parameters).write(to: out)
            print("wrote \(summary.filesWritten.count) files to \(out): \(summary.segmentCount) segments, \(summary.boxCount) boxes, \(summary.bytesWritten / 1_000_000) MB (profile \(profile.rawValue), seed \(seed))")
        }
    }
}
