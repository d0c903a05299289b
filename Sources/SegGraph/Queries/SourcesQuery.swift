// `sources`: every source with its clock and the extent of what is stored for it.
internal import Foundation

/// Every source, by name.
public struct SourcesQuery: Query {
    /// Every source; there are no parameters.
    public init() {}

    /// - Complexity: O(n) over the per-source interval index.
    /// - Throws: `.storage` or `.corrupt` when stored records cannot be read.
    public func run(in snapshot: borrowing Snapshot) throws -> SourceList {
        var summaries: [SourceSummary] = []
        for source in try snapshot.sources() {
            var count = 0
            var first = Int64.max
            var last = Int64.min
            let everything = TimeSpan(startNanoseconds: Int64.min / 4, endNanoseconds: Int64.max / 4)!
            try snapshot.scanSegments(overlapping: everything, in: .source(source.name)) { _, span in
                count += 1
                first = min(first, span.startNanoseconds)
                last = max(last, span.endNanoseconds)
                return true
            }
            summaries.append(SourceSummary(source: source, segmentCount: count,
                                           extent: TimeSpan(startNanoseconds: first, endNanoseconds: last)))
        }
        return SourceList(summaries: summaries)
    }
}

/// A source with the extent of what is stored for it.
public struct SourceSummary: Sendable {
    /// The stored source.
    public var source: Source
    /// Segments stored for it.
    public var segmentCount: Int
    /// Earliest start and latest end on the source's clock; `nil` when empty.
    public var extent: TimeSpan?
}

/// Every source with its summary, by name.
public struct SourceList: Sendable, Answerable {
    /// One per source, by name.
    public var summaries: [SourceSummary]

    /// JSON (`schema/answers/sources.schema.json`): an array, per source: `source`, `segments`,
    /// `clock` (`wall` or `relative`), `timezone` (`null` for relative-only), `first`, `last`,
    /// `first_ns`, `last_ns` (`null` when it has no segments), `fps`, `width`, `height`, `size`
    /// (`WxH`), `adjacent` and `zones` (names).
    public var answer: Answer {
        let columns = ["source", "segments", "clock", "timezone", "first", "last", "fps", "size"].map { AnswerColumn($0) }
            + [AnswerColumn("offset_s", path: ["clock_offset_s"])]
        return Answer(list: summaries.map(Self.row), columns: columns)
    }

    /// One source's row: the object `sources` lists and `/v1/sources/{id}` answers.
    public static func row(_ summary: SourceSummary) -> AnswerValue {
        let source = summary.source
        return .object([
            AnswerField("source", .string(source.name)), AnswerField("segments", .int(summary.segmentCount)),
            AnswerField("clock", .string(source.hasWallClock ? "wall" : "relative")),
            AnswerField("timezone", source.hasWallClock ? .string(TimeDisplay.timeZone(for: source).identifier) : .null),
            AnswerField("first", .optional(summary.extent.map { TimeDisplay.format($0.startNanoseconds, source: source) })),
            AnswerField("last", .optional(summary.extent.map { TimeDisplay.format($0.endNanoseconds, source: source) })),
            AnswerField("first_ns", .optional(summary.extent.map { Int($0.startNanoseconds) })),
            AnswerField("last_ns", .optional(summary.extent.map { Int($0.endNanoseconds) })),
            AnswerField("fps", .optional(source.framesPerSecond)),
            AnswerField("width", .optional(source.width)), AnswerField("height", .optional(source.height)),
            AnswerField("size", .optional(source.width.flatMap { w in source.height.map { "\(w)x\($0)" } })),
            AnswerField("clock_offset_s", source.clockCorrection.map { .double($0.offsetSeconds) } ?? .null),
            AnswerField("clock_drift_ppm", source.clockCorrection.map { .double($0.driftPPM) } ?? .null),
            AnswerField("adjacent", .array(source.adjacentSourceNames.map(AnswerValue.string))),
            AnswerField("zones", .array(source.zones.map { .string($0.name) })),
        ])
    }
}
