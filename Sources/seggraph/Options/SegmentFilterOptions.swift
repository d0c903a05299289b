// The filters `segments` and `find` share.
import ArgumentParser
import SegGraph

struct SegmentFilterOptions: ParsableArguments {
    @Option(help: "Only this source (repeatable).") var source: [String] = []
    @Option(help: "Only this label (repeatable).") var label: [String] = []
    @Option(help: "Only this type, e.g. activity (repeatable).") var type: [String] = []
    @Option(help: "Only this track id (needs one --source).") var track: String?
    @Option(name: .customLong("where"), help: ArgumentHelp(
        "Read-only SQL WHERE expression over the catalog's segments table (columns: id, source, external_id, type, label, start_ns, end_ns, confidence, track, box_count, import_id, attributes).",
        valueName: "expr"))
    var whereExpression: String?
    @Option(help: "Minimum confidence (segments without one pass).") var minConfidence: Double?
    @Option(help: "Maximum number of results.") var limit: Int = Limits.listDefault
    @OptionGroup var window: TimeWindowOptions

    func validate() throws {
        if limit < 0 || limit > Limits.queryResultsMax { throw ValidationError("--limit must be in 0...\(Limits.queryResultsMax)") }
    }

    /// Whether any filter is given (a bare `--limit` does not count).
    var narrowsResults: Bool {
        !source.isEmpty || !label.isEmpty || !type.isEmpty || track != nil || whereExpression != nil
            || minConfidence != nil || window.from != nil || window.to != nil
    }

    func filter(store: Store) throws -> SegmentFilter {
        var filter = SegmentFilter()
        filter.sources = source
        filter.labels = label
        filter.types = type
        filter.trackID = track
        filter.whereExpression = whereExpression
        filter.confidenceMin = minConfidence
        filter.limit = limit
        filter.window = try window.window(source: source.count == 1 ? try store.source(named: source[0]) : nil)
        return filter
    }
}
