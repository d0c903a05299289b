// `segments`: list segments by source, label, type, track, time window, confidence and a
// catalog WHERE expression, in (start, id) order.

/// Segments matching a filter.
public struct SegmentsQuery: Query {
    /// Which segments, and at most how many (`limit`).
    public var filter: SegmentFilter

    /// Segments matching `filter` (default: every segment, at most `Limits.listDefault`).
    public init(filter: SegmentFilter = SegmentFilter()) {
        self.filter = filter
    }

    /// The first `filter.limit` matching segments by (start, id), and whether more matched.
    /// - Throws: `.invalidArgument` naming the parameter (`limit`, `min-confidence`, `track`,
    ///   `where`, `from`/`to`/`date`); `.notFound` for an unknown source; `.limit` past
    ///   `Limits.queryResultsMax` segments in the scanned window or matching `where`.
    /// - Complexity: O(levels · log n + h log h) for h index hits in the window.
    public func run(in snapshot: borrowing Snapshot) throws -> SegmentList {
        let (hits, matched) = try snapshot.segmentsCounted(matching: filter)
        var list = SegmentList(hits: hits, truncated: matched > hits.count, limit: filter.limit)
        list.matched = matched
        if hits.isEmpty {
            list.hints = try snapshot.unknownLabelHints(filter.labels) + snapshot.recordedDataHint(filter.window)
        }
        return list
    }
}

/// Segments in (start, id) order; `truncated` when more matched than `limit`.
public struct SegmentList: Sendable, Answerable {
    /// The first `limit` matches.
    public var hits: [SegmentHit]
    /// Whether more segments matched than `limit`.
    public var truncated: Bool
    /// The filter's limit.
    public var limit: Int
    /// For people, after an empty answer: labels asked for that no segment has, with the
    /// nearest one that exists ("did you mean person?").
    public var hints: [String] = []
    /// How many segments matched in all, when known (the truncation note says "N of M").
    public var matched: Int?

    public init(hits: [SegmentHit], truncated: Bool, limit: Int) {
        self.hits = hits
        self.truncated = truncated
        self.limit = limit
    }

    /// JSON (`schema/answers/segments.schema.json`): an array with every segment field per row;
    /// the truncation note goes to people, never into the JSON.
    /// Where the next page starts, when this one stopped at its limit.
    public var nextCursor: SegmentCursor? {
        guard truncated, let last = hits.last else { return nil }
        return SegmentCursor(startNanoseconds: last.segment.span.startNanoseconds, id: last.segment.id)
    }

    /// "… 1,000 of 1,709 shown (the limit); raise the limit, ask for all, or narrow the query".
    var truncationNote: String {
        let shown = matched.map { "\(Self.grouped(hits.count)) of \(Self.grouped($0)) shown" } ?? "the first \(Self.grouped(hits.count)) shown, more match"
        return "… \(shown) (the limit); raise the limit, ask for all, or narrow the query"
    }

    /// 1709 → "1,709".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return String(digits.enumerated().flatMap { index, digit in
            (index > 0 && (digits.count - index) % 3 == 0 ? [","] : []) + [digit]
        })
    }

    public var answer: Answer {
        Answer(list: hits.map(\.answerRow), columns: SegmentHit.tableColumns,
               notes: (truncated ? [truncationNote] : [])
                + hints)
    }
}
