// `segments`: list segments by source, label, type, track, time window, confidence and a
// catalog WHERE expression, in (start, id) order.

/// Segments matching a filter.
public struct SegmentsQuery: Query {
    public var filter: SegmentFilter

    public init(filter: SegmentFilter = SegmentFilter()) {
        self.filter = filter
    }

    public func run(in snapshot: borrowing Snapshot) throws -> SegmentList {
        let (hits, truncated) = try snapshot.segments(matching: filter)
        return SegmentList(hits: hits, truncated: truncated, limit: filter.limit)
    }
}

/// Segments in (start, id) order; `truncated` when more matched than `limit`.
public struct SegmentList: Sendable, Answerable {
    public var hits: [SegmentHit]
    public var truncated: Bool
    public var limit: Int

    public var answer: Answer {
        Answer(list: hits.map(\.answerRow), columns: SegmentHit.tableColumns,
               notes: truncated ? ["… stopped at the limit of \(limit) rows; more segments match (raise the limit or narrow the query)"] : [])
    }
}
