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
            --where "json_extract(attributes, '$.color') = 'red'" (SQL strings take single \
            quotes; double quotes name columns). Full-text search: \
            --where "id IN (SELECT rowid FROM segment_text WHERE segment_text MATCH 'red')".
            """ + CommandExamples.appended("segments"))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filterOptions: SegmentFilterOptions
    @OptionGroup var limitOptions: ListLimitOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            // Writable open: the catalog `--where` reads is repaired first if a crash left it behind.
            output.write(try storeOptions.open().run(SegmentsQuery(filter: try filterOptions.filter(limit: limitOptions.count))))
        }
    }
}
