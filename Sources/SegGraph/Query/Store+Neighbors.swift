// `neighbors`: breadth-first expansion over chosen edge kinds, in one snapshot.
internal import LMDB

/// A segment reached by a traversal, and how.
public struct NeighborHit: Sendable {
    public var hit: SegmentHit
    /// Hops from the start segment (1 = adjacent).
    public var hops: Int
    /// The edge that first reached it (in its stored direction).
    public var edge: Edge
}

extension Store {
    /// Segments within `hops` edges of `start` over `kinds` (all kinds when empty), both
    /// directions, keeping only those overlapping `window` (which also bounds expansion).
    /// Ordered by (hops, start time, id).
    /// - Complexity: O(reached · degree · log n).
    public func neighbors(of start: SegmentID, kinds: Set<EdgeKind> = [], hops: Int = 1,
                          window: TimeSpan? = nil) throws -> [NeighborHit] {
        guard (1...Limits.traversalHopsMax).contains(hops) else {
            throw StoreError(.invalidArgument, "--hops must be in 1...\(Limits.traversalHopsMax)")
        }
        return try readTransaction { txn in
            let sources = try sourcesByID(in: txn)
            guard try tables.segments.contains(start.rawValue, in: txn) else { throw StoreError(.notFound, "no segment \(start)") }
            var seen: Set<SegmentID> = [start]
            var frontier = [start]
            var hits: [NeighborHit] = []
            for hop in 1...hops where !frontier.isEmpty {
                var next: [SegmentID] = []
                for segment in frontier {
                    for end in try edgeEnds(of: segment, in: txn) where kinds.isEmpty || kinds.contains(end.kind) {
                        guard !seen.contains(end.other), var record = try tables.segments.get(end.other.rawValue, in: txn) else { continue }
                        record.id = end.other
                        if let window, !record.span.overlaps(window) { continue }
                        seen.insert(end.other)
                        guard seen.count <= Limits.traversalReachMax else {
                            throw StoreError(.limit, "traversal reached more than \(Limits.traversalReachMax) segments; use fewer hops or kinds")
                        }
                        next.append(end.other)
                        hits.append(NeighborHit(hit: SegmentHit(segment: record, source: sources[record.sourceID.rawValue]!),
                                                hops: hop, edge: try edge(at: end, of: segment, in: txn)))
                    }
                }
                frontier = next
            }
            return hits.sorted {
                ($0.hops, $0.hit.segment.span.startNanoseconds, $0.hit.segment.id) < ($1.hops, $1.hit.segment.span.startNanoseconds, $1.hit.segment.id)
            }
        }
    }

    /// Ids reachable within `hops` over `kinds`: the lean traversal the benchmarks time.
    /// - Complexity: O(reached · degree · log n); reads only adjacency.
    public func neighborIDs(of start: SegmentID, kinds: Set<EdgeKind> = [], hops: Int) throws -> Set<SegmentID> {
        // Kinds as a bit mask and entries decoded at fixed offsets: this loop is the hot path.
        let mask = kinds.reduce(UInt32(0)) { $0 | 1 << UInt32($1.rawValue) }
        return try readTransaction { txn in
            var seen = Set<SegmentID>(minimumCapacity: 512)
            seen.insert(start)
            var frontier = [start]
            for _ in 0..<min(hops, Limits.traversalHopsMax) where !frontier.isEmpty {
                var next: [SegmentID] = []
                next.reserveCapacity(frontier.count * 8)
                for segment in frontier {
                    try tables.adjacency.scanDuplicates(of: segment.rawValue, in: txn) { bytes in
                        let kind = UInt32(bytes[0])
                        let other = SegmentID(rawValue: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 2, as: UInt64.self)))
                        if (mask == 0 || mask & (1 << kind) != 0) && seen.insert(other).inserted { next.append(other) }
                        return true
                    }
                }
                frontier = next
            }
            seen.remove(start)
            return seen
        }
    }

    /// Every edge at `segment` with its properties, ordered by kind, direction, other id.
    public func edges(of segment: SegmentID) throws -> [(end: EdgeEnd, edge: Edge)] {
        try readTransaction { txn in
            try edgeEnds(of: segment, in: txn).map { ($0, try edge(at: $0, of: segment, in: txn)) }
        }
    }
}
