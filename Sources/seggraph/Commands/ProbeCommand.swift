// `seggraph probe VIDEO`: what libavformat says about a video (streams, rates, frame count,
// rotation, creation time). Only builds a MediaProbe and prints its answer.
import ArgumentParser
import Foundation
import MediaProbe

struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show a video's container, streams, frame rate, frame count and start time.",
        discussion: CommandExamples.section("probe"))

    @Argument(help: "The video file to probe.")
    var video: String

    @Flag(help: "Count the video stream's packets even when the header's frame count looks right.")
    var exact = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        // MediaProbeError's description is the one-line message; ArgumentParser prints it as
        // `Error: ...` and exits non-zero.
        let info = try MediaProbe().probe(path: video, exact: exact)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(info), as: UTF8.self))
        } else {
            print(Self.summary(info))
        }
    }

    /// Aligned `label  value` lines for people.
    static func summary(_ info: VideoInfo) -> String {
        let rate = info.frameRate
        let count = info.frameCount
        let rows: [(String, String)] = [
            ("file", info.path),
            ("container", info.container),
            ("duration", info.durationSeconds.map { String(format: "%.3f s", $0) } ?? "unknown"),
            ("video stream", "#\(info.videoStreamIndex) \(info.videoCodec) \(info.width)x\(info.height)"),
            ("rotation", "\(info.rotationDegrees)°"),
            ("frame rate", String(format: "%.3f fps", rate.framesPerSecond)
                + " (\(rate.source.rawValue) \(rate.chosen): \(rate.reason))"),
            ("rates", "average \(rate.average), real \(rate.real)"),
            ("frames", "\(count.frames) (\(count.method.rawValue): \(count.reason))"),
            ("created", info.creationTime?.iso8601 ?? "unknown"),
        ] + info.streams.map { ("stream \($0.index)", "\($0.kind.rawValue) \($0.codec)") }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value
        }.joined(separator: "\n")
    }
}
