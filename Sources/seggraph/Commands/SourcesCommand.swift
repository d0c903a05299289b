// `seggraph sources [list|set-clock]`: every source with its clock and extent; correct a
// camera's clock.
import ArgumentParser
import Foundation
import SegGraph

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List sources (cameras/videos) with their clocks and extents, or correct a clock.",
        discussion: CommandExamples.section("sources"),
        subcommands: [List.self, SetClock.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sources with their clocks, corrections and extents.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                output.write(try storeOptions.run(SourcesQuery()))
            }
        }
    }

    struct SetClock: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-clock",
            abstract: "Correct a camera's clock: every command then shows and compares its times on the true clock.",
            discussion: """
                true time = camera time + offset + drift × (camera time − the source's start). The stored \\
                times are not rewritten: `--offset 0 --drift-ppm 0` removes the correction. Queries use it at \\
                once; re-identification (same_as) uses it from the next import or `seggraph relink`. Trace \\
                answers record the corrections of the cameras they visit.

                Examples:
                  seggraph sources set-clock cam_03 --offset -2.4s
                  seggraph sources set-clock cam_03 --offset 1.25 --drift-ppm 15
                  seggraph relink
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "The source (camera) whose clock is off.") var source: String
        @Option(parsing: .unconditional, help: ArgumentHelp("Seconds to add to the camera's clock: -2.4s, 1.25, 300ms.", valueName: "seconds"))
        var offset: String
        @Option(parsing: .unconditional, help: "Parts per million the camera's clock gains (positive) or loses.")
        var driftPpm: Double = 0

        func run() throws {
            try reportingErrors {
                let seconds = try Self.seconds(offset)
                try storeOptions.open().setClockCorrection(source: source, ClockCorrection(offsetSeconds: seconds, driftPPM: driftPpm))
                print(seconds == 0 && driftPpm == 0 ? "\(source): clock correction removed"
                      : "\(source): clock offset \(seconds) s, drift \(driftPpm) ppm (run `seggraph relink` so same_as uses it)")
            }
        }

        /// `-2.4s`, `-2.4`, `300ms` → seconds.
        static func seconds(_ text: String) throws -> Double {
            let (number, scale): (Substring, Double) = text.hasSuffix("ms") ? (text.dropLast(2), 0.001)
                : text.hasSuffix("s") ? (text.dropLast(), 1) : (Substring(text), 1)
            guard let value = Double(number), value.isFinite else {
                throw StoreError(.invalidArgument, "offset \(text): expected seconds like -2.4s, 1.25 or 300ms", parameter: "offset")
            }
            return value * scale
        }
    }
}
