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
    @OptionGroup var filterOptions: SegmentFilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open()
            let filter = try filterOptions.filter(store: store)
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
