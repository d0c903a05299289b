// `seggraph segments`: list segments by source, label, type, time window and --where.
import ArgumentParser
import SegGraph

struct SegmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "List segments, filtered, in time order.",
        discussion: """
            --where takes a read-only SQL expression over the catalog's segments table \
            (columns: id, source, external_id, type, label, start_ns, end_ns, confidence, track, \
            box_count, import_id, attributes), e.g. \
            --where 'json_extract(attributes, "$.color") = "red"'. Full-text search: \
            --where "id IN (SELECT rowid FROM segment_text WHERE segment_text MATCH 'red')".
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this source (repeatable).") var source: [String] = []
    @Option(help: "Only this label (repeatable).") var label: [String] = []
    @Option(help: "Only this type, e.g. activity (repeatable).") var type: [String] = []
    @Option(help: "Only this track id (needs one --source).") var track: String?
    @Option(name: .customLong("where"), help: ArgumentHelp("SQL WHERE expression over the catalog.", valueName: "expr"))
    var whereExpression: String?
    @Option(help: "Minimum confidence.") var minConfidence: Double?
    @Option(help: "Maximum number of segments to print.") var limit: Int = Limits.listDefault
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if limit < 0 || limit > Limits.queryResultsMax { throw ValidationError("--limit must be in 0...\(Limits.queryResultsMax)") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            var filter = SegmentFilter()
            filter.sources = source
            filter.labels = label
            filter.types = type
            filter.trackID = track
            filter.whereExpression = whereExpression
            filter.confidenceMin = minConfidence
            filter.limit = limit
            filter.window = try window.window(source: source.count == 1 ? try store.source(named: source[0]) : nil)
            let hits = try store.segments(matching: filter)
            RecordPrinter.print(hits.map { SegmentOutput.record($0, full: output.format == .json) },
                                columns: SegmentOutput.columns, format: output.format)
        }
    }
}

enum SegmentOutput {
    static let columns = ["segment", "label", "type", "start", "end", "seconds", "confidence", "track", "boxes"]

    static func record(_ hit: SegmentHit, full: Bool) -> OutputRecord {
        let s = hit.segment
        var fields: [(String, OutputValue)] = [
            ("segment", .string("\(hit.source.name)/\(s.externalID)")), ("id", .int(Int(s.id.rawValue))),
            ("source", .string(hit.source.name)), ("label", .string(s.label)), ("type", .string(s.type)),
            ("start", .string(TimeDisplay.format(s.span.startNanoseconds, source: hit.source))),
            ("end", .string(TimeDisplay.format(s.span.endNanoseconds, source: hit.source))),
            ("seconds", .double((Double(s.span.durationNanoseconds) / 1e6).rounded() / 1e3)),
            ("confidence", .optional(s.confidence.map { ($0 * 1e4).rounded() / 1e4 })), ("track", .optional(s.trackID)),
            ("boxes", .int(s.boxCount)),
        ]
        if full {
            fields += [("start_offset_s", .double(s.startOffsetSeconds)), ("start_ns", .int(Int(s.span.startNanoseconds))),
                       ("end_ns", .int(Int(s.span.endNanoseconds))), ("attributes", .rawJSON(s.attributesJSON))]
        }
        return OutputRecord(fields: fields)
    }
}
