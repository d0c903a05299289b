// The filters `segments`, `find` and `similar` share.
import ArgumentParser
import SegGraph

struct SegmentFilterOptions: ParsableArguments {
    @Option(help: "Only this source (repeatable).", completion: Completions.sources) var source: [String] = []
    @Option(help: "Only this label (repeatable).", completion: Completions.labels) var label: [String] = []
    @Option(help: "Only this type, e.g. activity (repeatable).") var type: [String] = []
    @Option(help: "Only this track id (needs one --source).") var track: String?
    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Read-only SQL WHERE expression over the catalog's segments table (columns: id, source, external_id, type, label, start_ns, end_ns, confidence, track, box_count, import_id, attributes).",
        valueName: "expr"))
    var whereExpression: String?
    @Option(help: "Minimum confidence (segments without one pass).") var minConfidence: Double?
    @OptionGroup var window: TimeWindowOptions

    /// The filter as the engine takes it, returning at most `limit` rows; the engine validates it.
    func filter(limit: Int = Limits.listDefault) throws -> SegmentFilter {
        var filter = SegmentFilter()
        filter.sources = source
        filter.labels = label
        filter.types = type
        filter.trackID = track
        filter.whereExpression = whereExpression
        filter.confidenceMin = minConfidence
        filter.limit = limit
        filter.window = try window.spec()
        return filter
    }
}

/// How many rows `segments` and `find` print. (`similar` spells its count the same way,
/// `--limit` or `-k`, with its own default: one knob for result counts.)
struct ListLimitOptions: ParsableArguments {
    @Option(help: "Maximum number of results.") var limit: Int = Limits.listDefault
    @Flag(help: "Every result (up to \(Limits.queryResultsMax)), instead of --limit.") var all = false

    /// The rows asked for.
    var count: Int { all ? Limits.queryResultsMax : limit }
}
