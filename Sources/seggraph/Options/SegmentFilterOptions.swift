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
    @Option(help: "Maximum number of results.") var limit: Int = Limits.listDefault
    @Flag(help: "Every result (up to \(Limits.queryResultsMax)), instead of --limit.") var all = false
    @OptionGroup var window: TimeWindowOptions

    /// The filter as the engine takes it; the engine validates it.
    func filter() throws -> SegmentFilter {
        var filter = SegmentFilter()
        filter.sources = source
        filter.labels = label
        filter.types = type
        filter.trackID = track
        filter.whereExpression = whereExpression
        filter.confidenceMin = minConfidence
        filter.limit = all ? Limits.queryResultsMax : limit
        filter.window = try window.spec()
        return filter
    }
}
