// `seggraph sources`: every source with its clock and extent.
import ArgumentParser
import Foundation
import SegGraph

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List sources (cameras/videos) with their clocks and extents.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let records = try store.sourceSummaries().map { summary in
                let source = summary.source
                return OutputRecord(fields: [
                    ("source", .string(source.name)), ("segments", .int(summary.segmentCount)),
                    ("clock", .string(source.hasWallClock ? "wall" : "relative")),
                    ("timezone", .string(source.hasWallClock ? TimeDisplay.timeZone(for: source).identifier : "-")),
                    ("first", .optional(summary.extent.map { TimeDisplay.format($0.startNanoseconds, source: source) })),
                    ("last", .optional(summary.extent.map { TimeDisplay.format($0.endNanoseconds, source: source) })),
                    ("fps", .optional(source.framesPerSecond)),
                    ("size", .optional(source.width.flatMap { w in source.height.map { "\(w)x\($0)" } })),
                    ("adjacent", .array(source.adjacentSourceNames.map(OutputValue.string))),
                    ("zones", .array(source.zones.map { .string($0.name) })),
                ])
            }
            RecordPrinter.print(records, columns: ["source", "segments", "clock", "timezone", "first", "last", "fps", "size"],
                                format: output.format)
        }
    }
}
