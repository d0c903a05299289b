// `neighbors`: breadth-first expansion from a segment over chosen edge kinds.

/// Segments within `hops` edges of a segment.
public struct NeighborsQuery: Query {
    /// `SOURCE/SEGMENT_ID` or `#ID`.
    public var segment: String
    /// Kinds to follow; empty = all.
    public var kinds: Set<EdgeKind>
    /// Edges to follow from the start, 1…`Limits.traversalHopsMax`.
    public var hops: Int
    /// Keeps (and expands) only segments overlapping the window; clock times default to
    /// the start segment's source.
    public var window: TimeWindowSpec

    /// Neighbours of `segment`; the parameters are checked when it runs.
    public init(segment: String, kinds: Set<EdgeKind> = [], hops: Int = 1, window: TimeWindowSpec = .unbounded) {
        self.segment = segment
        self.kinds = kinds
        self.hops = hops
        self.window = window
    }

    /// - Complexity: O(reached · degree · log n), reach bounded by `Limits.traversalReachMax`.
    /// - Throws: `.invalidArgument` for `hops` outside 1…`Limits.traversalHopsMax` or a bad
    ///   window (`from`, `to`, `date`); `.notFound` for an unknown segment; `.limit` past
    ///   `Limits.traversalReachMax` segments.
    public func run(in snapshot: borrowing Snapshot) throws -> NeighborList {
        try validateHops(hops)
        let start = try snapshot.requireHit(try snapshot.segmentID(named: segment))
        let span = try snapshot.resolve(window, source: start.source)
        var seen: Set<SegmentID> = [start.segment.id]
        var frontier = [start.segment.id]
        var hits: [NeighborHit] = []
        for hop in 1...hops where !frontier.isEmpty {
            var next: [SegmentID] = []
            for segment in frontier {
                for end in try snapshot.edgeEnds(of: segment, kinds: kinds) where !seen.contains(end.other) {
                    guard let reached = try snapshot.hit(end.other) else { continue }
                    if let span, !reached.segment.span.overlaps(span) { continue }
                    seen.insert(end.other)
                    guard seen.count <= Limits.traversalReachMax else {
                        throw StoreError(.limit, "traversal reached more than \(Limits.traversalReachMax) segments; use fewer hops or kinds")
                    }
                    next.append(end.other)
                    hits.append(NeighborHit(hit: reached, hops: hop, edge: try snapshot.edge(at: end, of: segment), via: segment))
                }
            }
            frontier = next
        }
        hits.sort {
            ($0.hops, $0.hit.segment.span.startNanoseconds, $0.hit.segment.id) < ($1.hops, $1.hit.segment.span.startNanoseconds, $1.hit.segment.id)
        }
        return NeighborList(start: start, hits: hits)
    }
}

/// A segment reached by a traversal, and how.
public struct NeighborHit: Sendable {
    /// The segment reached.
    public var hit: SegmentHit
    /// Hops from the start segment (1 = adjacent).
    public var hops: Int
    /// The edge that first reached it (in its stored direction).
    public var edge: Edge
    /// The segment it was reached from.
    public var via: SegmentID
}

/// Neighbours ordered by (hops, start, id).
public struct NeighborList: Sendable, Answerable {
    /// The segment the traversal started from (never among `hits`).
    public var start: SegmentHit
    /// Each segment reached once, at its fewest hops, by (hops, start, id).
    public var hits: [NeighborHit]

    /// JSON (`schema/answers/neighbors.schema.json`): an array of objects: `hops`, `edge`
    /// `{kind, direction, properties}` seen from the segment it was reached from, then every
    /// segment field.
    public var answer: Answer {
        let rows = hits.map { neighbor in
            AnswerValue.object([AnswerField("hops", .int(neighbor.hops)), AnswerField("edge", neighbor.edge.answerValue(seenFrom: neighbor.via))]
                               + neighbor.hit.answerFields)
        }
        return Answer(list: rows, columns: [
            AnswerColumn("hops"), AnswerColumn("edge", path: ["edge", "kind"]), AnswerColumn("direction", path: ["edge", "direction"]),
            AnswerColumn("segment"), AnswerColumn("label"), AnswerColumn("start"), AnswerColumn("end"),
            AnswerColumn("properties", path: ["edge", "properties"], showsJSON: true),
        ])
    }
}
