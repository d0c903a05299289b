// The state a writer's HNSW storage values share within one write transaction: the first
// error, the nodes and lists read or changed so far (each is read many times per import), and
// what the flush must write.

/// Per-space state shared by every storage value made in one write transaction.
final class WriteContext {
    var error: (any Error)?
    var pendingSegment = SegmentID(rawValue: 0)
    /// Cache nodes and lists: worth it for a writer (each node is read many times while
    /// inserting), not for one search.
    let caching: Bool
    var states: [UInt32: (level: Int, deleted: Bool)] = [:]
    var vectors: [UInt32: [Float]] = [:]
    var segments: [UInt32: SegmentID] = [:]
    /// node << 8 | level → neighbour ids.
    var links: [UInt64: [UInt32]] = [:]
    var dirtyLinks: Set<UInt64> = []
    /// Nodes appended since the last flush, whose vectors go into blocks.
    var pendingVectors: [UInt32] = []
    /// Vectors of the nodes appended in this transaction, back to back from `firstAppended`
    /// (a flat array, not a dictionary entry each: inserts read them for every distance).
    private(set) var appendedVectors: [Float] = []
    private(set) var firstAppended: UInt32?

    init(caching: Bool) { self.caching = caching }

    /// Keeps the vector of `node`, the next node after those appended so far.
    func append(_ vector: UnsafeBufferPointer<Float>, node: UInt32) {
        if firstAppended == nil { firstAppended = node }
        precondition(Int(node - firstAppended!) * vector.count == appendedVectors.count, "HNSW nodes are appended in order")
        appendedVectors.append(contentsOf: vector)
    }

    /// Where `node`'s vector starts in `appendedVectors`, if it was appended in this transaction.
    @inline(__always)
    func appendedOffset(of node: UInt32, dimension: Int) -> Int? {
        guard let first = firstAppended, node >= first else { return nil }
        return Int(node - first) * dimension
    }
}

/// The write contexts of one import transaction, by space id.
final class HNSWWriteCache {
    private var contexts: [UInt32: WriteContext] = [:]

    /// Whether nothing of `space`'s index has been read or changed through this cache yet.
    func isUntouched(space: UInt32) -> Bool {
        guard let context = contexts[space] else { return true }
        return context.states.isEmpty && context.links.isEmpty && context.pendingVectors.isEmpty
    }

    func context(space: UInt32) -> WriteContext {
        if let context = contexts[space] { return context }
        let context = WriteContext(caching: true)
        contexts[space] = context
        return context
    }
}
