// Listing segments: pick the narrowest interval-index dimension the filter allows,
// scan it over the window, then apply the remaining filters to the records.
// Output order is (start time, id): the same query gives the same bytes.
internal import Foundation
internal import LMDB

extension Store {
    /// Segments matching `filter`, ordered by start time then id, at most `filter.limit`.
    /// - Throws: `StoreError.notFound` for an unknown source, `.invalidArgument` for a bad
    ///   `--where`, `.limit` when a scan exceeds `Limits.queryResultsMax`.
    /// - Complexity: O(levels · log n + h log h) for h index hits in the window.
    public func segments(matching filter: SegmentFilter) throws -> [SegmentHit] {
        let allowedIDs = try filter.whereExpression.map { try segmentIDs(matchingWhere: $0) }
        return try readTransaction { txn in
            let sources = try sourcesByID(in: txn)
            let sourceIDs = try filter.sources.map { name -> UInt32 in
                guard let id = try tables.sourceNames.get(name, in: txn) else {
                    throw StoreError(.notFound, "unknown source \"\(name)\"")
                }
                return id
            }
            let window = filter.window ?? TimeSpan(startNanoseconds: Int64.min / 4, endNanoseconds: Int64.max / 4)!
            var candidates = Set<SegmentID>()
            for (dimension, value) in try scanPlan(filter, sourceIDs: sourceIDs, in: txn) {
                try IntervalIndex(table: tables.timeIndex).overlapping(dimension, value, window: window, in: txn) { id, _ in
                    candidates.insert(id)
                    guard candidates.count <= Limits.queryResultsMax else {
                        throw StoreError(.limit, "more than \(Limits.queryResultsMax) segments match; narrow the query")
                    }
                    return true
                }
            }
            var hits: [SegmentHit] = []
            for id in candidates where allowedIDs?.contains(id) ?? true {
                guard var segment = try tables.segments.get(id.rawValue, in: txn) else { continue }
                segment.id = id
                guard filter.admits(segment, sourceIDs: sourceIDs), let source = sources[segment.sourceID.rawValue] else { continue }
                hits.append(SegmentHit(segment: segment, source: source))
            }
            // Sort small keys, not whole hits: a hit carries a record and a source.
            let order = hits.indices.sorted {
                (hits[$0].segment.span.startNanoseconds, hits[$0].segment.id) < (hits[$1].segment.span.startNanoseconds, hits[$1].segment.id)
            }
            return order.prefix(max(0, filter.limit)).map { hits[$0] }
        }
    }

    /// Which (dimension, value) index ranges to scan: the most selective available.
    private func scanPlan<T: ReadableTransaction & ~Copyable>(
        _ filter: SegmentFilter, sourceIDs: [UInt32], in txn: borrowing T
    ) throws -> [(IndexDimension, UInt32)] {
        if let track = filter.trackID {
            guard sourceIDs.count == 1 else {
                throw StoreError(.invalidArgument, "--track needs exactly one --source")
            }
            let id = try lookupNameID(.track, scope: sourceIDs[0], track, in: txn)
            return id.map { [(.track, $0.rawValue)] } ?? []
        }
        if !sourceIDs.isEmpty { return sourceIDs.map { (.source, $0) } }
        if !filter.labels.isEmpty {
            return try filter.labels.compactMap { label in
                try lookupNameID(.label, scope: 0, label, in: txn).map { (.label, $0.rawValue) }
            }
        }
        return [(.all, 0)]
    }

    /// Every source by id. Decoded sources are cached per store generation (every write
    /// that changes a source bumps it), so queries do not JSON-decode them each time.
    /// Write transactions pass `cached: false`: they may have changed sources before bumping.
    func sourcesByID<T: ReadableTransaction & ~Copyable>(in txn: borrowing T, cached: Bool = true) throws -> [UInt32: Source] {
        let generation = try counter(MetaKey.generation, in: txn)
        if cached, let hit = sourceCache.get(generation: generation) { return hit }
        var sources: [UInt32: Source] = [:]
        try tables.sources.scan(in: txn) { id, record in sources[id] = record.value; return true }
        if cached { sourceCache.set(sources, generation: generation) }
        return sources
    }
}

extension SegmentFilter {
    func admits(_ segment: Segment, sourceIDs: [UInt32]) -> Bool {
        if !sourceIDs.isEmpty && !sourceIDs.contains(segment.sourceID.rawValue) { return false }
        if !labels.isEmpty && !labels.contains(segment.label) { return false }
        if !types.isEmpty && !types.contains(segment.type) { return false }
        if let trackID, segment.trackID != trackID { return false }
        if let confidenceMin, let confidence = segment.confidence, confidence < confidenceMin { return false }
        return true
    }
}
