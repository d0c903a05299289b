// Adding, removing and reading edges. Every edge is written at both ends so traversals
// never scan; `check` verifies the two halves agree.
internal import LMDB

extension Store {
    func addEdge<T: WritableTransaction & ~Copyable>(_ edge: Edge, in txn: borrowing T) throws {
        try tables.adjacency.put(edge.from.rawValue, AdjacencyEntry(EdgeEnd(kind: edge.kind, direction: .outgoing, other: edge.to)), in: txn)
        try tables.adjacency.put(edge.to.rawValue, AdjacencyEntry(EdgeEnd(kind: edge.kind, direction: .incoming, other: edge.from)), in: txn)
        try tables.edgeProperties.put(EdgePropertiesRecord.key(edge.kind, from: edge.from, to: edge.to),
                                      EdgePropertiesRecord(edge.properties), in: txn)
    }

    func removeEdge<T: WritableTransaction & ~Copyable>(_ kind: EdgeKind, from: SegmentID, to: SegmentID, in txn: borrowing T) throws {
        try tables.adjacency.delete(from.rawValue, value: AdjacencyEntry(EdgeEnd(kind: kind, direction: .outgoing, other: to)), in: txn)
        try tables.adjacency.delete(to.rawValue, value: AdjacencyEntry(EdgeEnd(kind: kind, direction: .incoming, other: from)), in: txn)
        try tables.edgeProperties.delete(EdgePropertiesRecord.key(kind, from: from, to: to), in: txn)
    }

    /// Every edge end stored at `segment`, in (kind, direction, other) order.
    /// - Complexity: O(log n + degree).
    func edgeEnds<T: ReadableTransaction & ~Copyable>(of segment: SegmentID, in txn: borrowing T) throws -> [EdgeEnd] {
        var ends: [EdgeEnd] = []
        try tables.adjacency.scanDuplicates(of: segment.rawValue, in: txn) { bytes in
            ends.append(try AdjacencyEntry(decoding: bytes).end)
            return true
        }
        return ends
    }

    /// Removes every edge touching `segment`, at both ends.
    func removeEdges<T: WritableTransaction & ~Copyable>(of segment: SegmentID, in txn: borrowing T) throws {
        for end in try edgeEnds(of: segment, in: txn) {
            let (from, to) = end.direction == .outgoing ? (segment, end.other) : (end.other, segment)
            try removeEdge(end.kind, from: from, to: to, in: txn)
        }
    }

    func edgeProperties<T: ReadableTransaction & ~Copyable>(
        _ kind: EdgeKind, from: SegmentID, to: SegmentID, in txn: borrowing T
    ) throws -> [(EdgeProperty, Double)] {
        try tables.edgeProperties.get(EdgePropertiesRecord.key(kind, from: from, to: to), in: txn)?.properties ?? []
    }

    /// The edge behind an end seen from `segment`, with its properties.
    func edge<T: ReadableTransaction & ~Copyable>(at end: EdgeEnd, of segment: SegmentID, in txn: borrowing T) throws -> Edge {
        let (from, to) = end.direction == .outgoing ? (segment, end.other) : (end.other, segment)
        return Edge(kind: end.kind, from: from, to: to, properties: try edgeProperties(end.kind, from: from, to: to, in: txn))
    }
}
