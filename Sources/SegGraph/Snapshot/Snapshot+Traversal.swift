// Traversal primitives the graph queries share: an individual's identity closure and
// the lean id-only expansion the benchmarks time.

internal import LMDB

extension Snapshot {
    /// The segments of the individual `seed` belongs to: its closure over `next` and `same_as`.
    /// - Throws: `.limit` past `Limits.identitySegmentsMax` segments.
    /// - Complexity: O(s · degree) for s segments of the individual.
    public func identity(of seed: SegmentID) throws -> [SegmentID] {
        try identity(of: seed) { _, _ in true }
    }

    /// `identity(of:)` over the links `follows` accepts (e.g. not the rejected ones).
    func identity(of seed: SegmentID, follows: (SegmentID, SegmentID) -> Bool) throws -> [SegmentID] {
        var seen: Set<SegmentID> = [seed]
        var stack = [seed]
        while let segment = stack.popLast() {
            for end in try edgeEnds(of: segment) where (end.kind == .next || end.kind == .sameAs) && follows(segment, end.other) {
                guard seen.insert(end.other).inserted else { continue }
                guard seen.count <= Limits.identitySegmentsMax else {
                    throw StoreError(.limit, "identity of \(seed) spans more than \(Limits.identitySegmentsMax) segments")
                }
                stack.append(end.other)
            }
        }
        return seen.sorted()
    }

    /// Ids reachable within `hops` over `kinds` (all when empty), start excluded.
    /// - Complexity: O(reached · degree · log n); reads only adjacency.
    public func neighborIDs(of start: SegmentID, kinds: Set<EdgeKind> = [], hops: Int) throws -> Set<SegmentID> {
        // Kinds as a bit mask and entries decoded at fixed offsets: this loop is the hot path.
        let mask = kinds.reduce(UInt32(0)) { $0 | 1 << UInt32($1.rawValue) }
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
