// The graph predicates `find` tests per candidate: edges to labelled segments, zone
// entry, and interval relations to segments nearby in time or linked by an edge.

extension Snapshot {
    func hasEdge(_ ends: [EdgeEnd], _ predicate: EdgePredicate) throws -> Bool {
        for end in ends where end.kind == predicate.kind {
            if try segment(end.other)?.label == predicate.label { return true }
        }
        return false
    }

    /// The polygon of a zone.
    /// - Throws: `.notFound` naming the source's zones.
    func zonePolygon(_ zone: ZoneReference) throws -> [[Double]] {
        let record = try source(named: zone.source)
        guard let found = record.zones.first(where: { $0.name == zone.name }) else {
            let names = record.zones.map(\.name).sorted()
            let near = DidYouMean.hint(for: zone.name, among: names)
            let known = names.joined(separator: ", ")
            throw StoreError(.notFound, "source \(zone.source) has no zone \"\(zone.name)\"\(near) (zones: \(known.isEmpty ? "none" : known))", parameter: "zone")
        }
        return found.points
    }

    func entersZone(_ segment: Segment, polygon: [[Double]]) throws -> Bool {
        try boxes(of: segment.id).contains { box in
            pointInPolygon(x: Double(box.x) + Double(box.width) / 2, y: Double(box.y) + Double(box.height), polygon)
        }
    }

    /// Some other segment — in the same source or linked by an edge — meets `predicate`.
    func satisfies(_ hit: SegmentHit, _ predicate: SequencePredicate) throws -> Bool {
        let a = hit.segment
        let sources = try sourcesByID()
        var found = false
        let reach = Int64(predicate.withinSeconds * 1e9)
        let window = TimeSpan(startNanoseconds: a.span.startNanoseconds, endNanoseconds: a.span.endNanoseconds + reach)!
        try scanSegments(overlapping: window, in: .source(hit.source.name)) { id, span in
            guard id != a.id, predicate.relates(a.span, span), let b = try segment(id) else { return true }
            found = predicate.matches(b, sourceName: sources[b.sourceID.rawValue]?.name ?? "")
            return !found
        }
        if found { return true }
        for end in try edgeEnds(of: a.id) {
            guard let b = try segment(end.other), predicate.relates(a.span, b.span) else { continue }
            if predicate.matches(b, sourceName: sources[b.sourceID.rawValue]?.name ?? "") { return true }
        }
        return false
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
