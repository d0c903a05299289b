// Evaluating a FindQuery: the segment filter first (interval index + catalog), then the
// graph predicates on each candidate, in one snapshot.
internal import LMDB

extension Store {
    /// Segments matching every part of `query`, by (start, id), at most `query.filter.limit`.
    /// - Complexity: O(candidates · (degree + boxes)) after the filter's index scan.
    public func find(_ query: FindQuery) throws -> [SegmentHit] {
        var filter = query.filter
        filter.limit = Limits.queryResultsMax
        if let zone = query.zone {
            filter.sources = filter.sources.isEmpty ? [zone.source] : filter.sources.filter { $0 == zone.source }
        }
        let candidates = try segments(matching: filter)
        let polygon = try query.zone.map { try zonePolygon(source: $0.source, name: $0.name) }
        return try readTransaction { txn in
            var hits: [SegmentHit] = []
            for hit in candidates where hits.count < query.filter.limit {
                let ends = (query.with.isEmpty && query.without.isEmpty) ? [] : try edgeEnds(of: hit.segment.id, in: txn)
                guard try query.with.allSatisfy({ try hasEdge(ends, $0, in: txn) }),
                      try !query.without.contains(where: { try hasEdge(ends, $0, in: txn) }) else { continue }
                if let polygon, !(try entersZone(hit.segment, polygon: polygon, in: txn)) { continue }
                guard try query.sequences.allSatisfy({ try satisfies(hit, $0, in: txn) }) else { continue }
                hits.append(hit)
            }
            return hits
        }
    }

    private func hasEdge(_ ends: [EdgeEnd], _ predicate: EdgePredicate, in txn: borrowing ReadTransaction) throws -> Bool {
        for end in ends where end.kind == predicate.kind {
            if try tables.segments.get(end.other.rawValue, in: txn)?.label == predicate.label { return true }
        }
        return false
    }

    private func entersZone(_ segment: Segment, polygon: [[Double]], in txn: borrowing ReadTransaction) throws -> Bool {
        let boxes = try tables.boxes.get(segment.id.rawValue, in: txn)?.boxes ?? []
        return boxes.contains { box in
            pointInPolygon(x: Double(box.x) + Double(box.width) / 2, y: Double(box.y) + Double(box.height), polygon)
        }
    }

    /// Some other segment — in the same source or linked by an edge — meets `predicate`.
    private func satisfies(_ hit: SegmentHit, _ predicate: SequencePredicate, in txn: borrowing ReadTransaction) throws -> Bool {
        let a = hit.segment
        let sources = try sourcesByID(in: txn)
        var found = false
        let reach = Int64(predicate.withinSeconds * 1e9)
        let window = TimeSpan(startNanoseconds: a.span.startNanoseconds, endNanoseconds: a.span.endNanoseconds + reach)!
        try IntervalIndex(table: tables.timeIndex).overlapping(.source, a.sourceID.rawValue, window: window, in: txn) { id, span in
            guard id != a.id, predicate.relates(a.span, span), var b = try tables.segments.get(id.rawValue, in: txn) else { return true }
            b.id = id
            found = predicate.matches(b, sourceName: sources[b.sourceID.rawValue]?.name ?? "")
            return !found
        }
        if found { return true }
        for end in try edgeEnds(of: a.id, in: txn) {
            guard let b = try tables.segments.get(end.other.rawValue, in: txn), predicate.relates(a.span, b.span) else { continue }
            if predicate.matches(b, sourceName: sources[b.sourceID.rawValue]?.name ?? "") { return true }
        }
        return false
    }

    /// Merges hits of one source whose spans overlap or are at most `gapSeconds` apart.
    public func clips(_ hits: [SegmentHit], gapSeconds: Double) -> [Clip] {
        var clips: [Clip] = []
        let gap = Int64(gapSeconds * 1e9)
        let bySource = Dictionary(grouping: hits, by: { $0.source.name })
        for name in bySource.keys.sorted() {
            var current: Clip?
            for hit in bySource[name]!.sorted(by: { ($0.segment.span.startNanoseconds, $0.segment.id) < ($1.segment.span.startNanoseconds, $1.segment.id) }) {
                let span = hit.segment.span
                if var clip = current, span.startNanoseconds <= clip.span.endNanoseconds + gap {
                    clip.span = TimeSpan(startNanoseconds: clip.span.startNanoseconds,
                                         endNanoseconds: max(clip.span.endNanoseconds, span.endNanoseconds))!
                    clip.segments.append(hit.segment.id)
                    current = clip
                } else {
                    if let clip = current { clips.append(clip) }
                    current = Clip(source: hit.source, span: span, segments: [hit.segment.id])
                }
            }
            if let clip = current { clips.append(clip) }
        }
        return clips.sorted { ($0.span.startNanoseconds, $0.source.name) < ($1.span.startNanoseconds, $1.source.name) }
    }
}

/// Even-odd rule; points on an edge may fall either way.
func pointInPolygon(x: Double, y: Double, _ polygon: [[Double]]) -> Bool {
    var inside = false
    var j = polygon.count - 1
    for i in polygon.indices {
        let (xi, yi, xj, yj) = (polygon[i][0], polygon[i][1], polygon[j][0], polygon[j][1])
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
        j = i
    }
    return inside
}
