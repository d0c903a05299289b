// `seggraph simulate`: write a deterministic multi-camera site (demo and benchmark data).
import ArgumentParser
import Foundation
import SiteSimulator

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Generate a simulated multi-camera site: one segment document per camera plus ground_truth.json.",
        discussion: "Deterministic: the same parameters and seed give byte-identical files.")

    @Option(help: "Number of cameras.") var cameras: Int = 4
    @Option(help: "Number of people.") var people: Int = 50
    @Option(help: "Simulated hours.") var hours: Double = 0.25
    @Option(help: "Frames per second of the boxes.") var fps: Double = 5
    @Option(help: "Embedding dimension.") var dim: Int = 128
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Output directory.") var out: String

    func run() throws {
        try reportingErrors {
            let parameters = SimulationParameters(cameras: cameras, people: people, hours: hours,
                                                  framesPerSecond: fps, embeddingDimension: dim, seed: seed)
            try parameters.validate()
            let summary = try SiteSimulator(parameters).write(to: out)
            print("wrote \(summary.filesWritten.count) files to \(out): \(summary.segmentCount) segments, \(summary.boxCount) boxes, \(summary.bytesWritten / 1_000_000) MB")
        }
    }
}
