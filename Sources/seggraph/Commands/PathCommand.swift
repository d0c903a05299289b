// `seggraph path A B`: the earliest time-respecting path between two segments.
import ArgumentParser
import SegGraph

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The earliest-arriving time-respecting path from one segment to another.",
        discussion: "An edge can be used while both of its segments exist (a `next` edge at the later segment's start); each hop happens no earlier than the previous one. Exit 4 when there is no path.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Start segment.") var from: String
    @Argument(help: "Goal segment.") var to: String
    @Option(help: "Edge kinds to follow (repeatable or comma-separated; default all).") var kind: [String] = []
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            guard let steps = try store.path(from: try store.segmentID(named: from), to: try store.segmentID(named: to),
                                             kinds: try parseKinds(kind)) else {
                throw StoreError(.notFound, "no time-respecting path from \(from) to \(to)")
            }
            let records = steps.enumerated().map { (index: Int, step: PathStep) -> OutputRecord in
                let reached: SegmentHit = step.hit
                let edgeName: String = step.edge?.kind.description ?? "start"
                let properties: String = step.edge.map(propertyJSON) ?? "null"
                return OutputRecord(fields: [
                    ("step", .int(index)), ("edge", .string(edgeName)),
                    ("segment", .string("\(reached.source.name)/\(reached.segment.externalID)")),
                    ("label", .string(reached.segment.label)),
                    ("at", .string(TimeDisplay.format(step.arrivalNanoseconds, source: reached.source))),
                    ("properties", .rawJSON(properties)),
                ])
            }
            RecordPrinter.print(records, columns: ["step", "edge", "segment", "label", "at", "properties"], format: output.format)
        }
    }
}
