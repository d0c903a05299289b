// Listing segments: pick the narrowest interval-index range the filter allows, scan it
// over the window, then apply the remaining filters to the records.
// Output order is (start time, id): the same query gives the same bytes.

extension Snapshot {
    /// Segments matching `filter`, by (start, id): the first `filter.limit`, and whether
    /// more matched.
    /// - Throws: `.notFound` for an unknown source, `.invalidArgument` for a bad `where`,
    ///   `.limit` when a scan exceeds `Limits.queryResultsMax`.
    /// - Complexity: O(levels · log n + h log h) for h index hits in the window.
    public func segments(matching filter: SegmentFilter) throws -> (hits: [SegmentHit], truncated: Bool) {
        let counted = try segmentsCounted(matching: filter)
        return (counted.hits, counted.matched > counted.hits.count)
    }

    /// `segments(matching:)` with how many segments matched in all (the hits are the first
    /// `filter.limit` of them): "1,000 of 1,709 shown".
    public func segmentsCounted(matching filter: SegmentFilter) throws -> (hits: [SegmentHit], matched: Int) {
        try filter.validate()
        let sources = try filter.sources.map { try source(named: $0) }
        let sourceIDs = sources.map(\.id)
        let window = try resolve(filter.window, source: sources.count == 1 ? sources[0] : nil,
                                 among: sources.count > 1 ? sources : nil)
            ?? TimeSpan(startNanoseconds: Int64.min / 4, endNanoseconds: Int64.max / 4)!
        let allowedIDs = try filter.whereExpression.map { try segmentIDs(matchingWhere: $0) }
        var candidates = Set<SegmentID>()
        for scope in scanScopes(filter) {
            try scanSegments(overlapping: window, in: scope) { id, _ in
                candidates.insert(id)
                guard candidates.count <= Limits.queryResultsMax else {
                    throw StoreError(.limit, "more than \(Limits.queryResultsMax) segments match; narrow the query")
                }
                return true
            }
        }
        var hits: [SegmentHit] = []
        for id in candidates where allowedIDs?.contains(id) ?? true {
            guard let segment = try segment(id), filter.admits(segment, sourceIDs: sourceIDs) else { continue }
            hits.append(SegmentHit(segment: segment, source: try source(of: segment)))
        }
        // Sort small keys, not whole hits: a hit carries a record and a source.
        var order = hits.indices.sorted {
            (hits[$0].segment.span.startNanoseconds, hits[$0].segment.id) < (hits[$1].segment.span.startNanoseconds, hits[$1].segment.id)
        }
        if let after = filter.after {
            order.removeAll { (hits[$0].segment.span.startNanoseconds, hits[$0].segment.id) <= (after.startNanoseconds, after.id) }
        }
        return (order.prefix(filter.limit).map { hits[$0] }, order.count)
    }

    /// The most selective index ranges the filter allows.
    private func scanScopes(_ filter: SegmentFilter) -> [IntervalScope] {
        if let track = filter.trackID { return [.track(source: filter.sources[0], track: track)] }
        if !filter.sources.isEmpty { return filter.sources.map { .source($0) } }
        if !filter.labels.isEmpty { return filter.labels.map { .label($0) } }
        return [.all]
    }
}
