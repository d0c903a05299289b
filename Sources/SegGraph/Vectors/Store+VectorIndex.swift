// Keeping each embedding space's HNSW index in step with its vectors, inside the same
// write transaction: an import adds its vectors, a removal tombstones them.
internal import LMDB
internal import VectorIndex

extension Store {
    static let hnswDefaults = (connectivity: 16, expansionAdd: 64, expansionSearch: 96, seed: UInt64(0x5E6_6A4))

    func hnswHeader<T: ReadableTransaction & ~Copyable>(space: EmbeddingSpace, in txn: borrowing T) throws -> HNSWHeader {
        if let stored = try tables.hnswMeta.get(space.id, in: txn)?.value { return stored }
        return HNSWHeader(dimension: space.dimension, metric: "cosine", connectivity: Self.hnswDefaults.connectivity,
                          expansionAdd: Self.hnswDefaults.expansionAdd, expansionSearch: Self.hnswDefaults.expansionSearch,
                          seed: Self.hnswDefaults.seed, nodeCount: 0, deletedCount: 0, entryNode: nil, entryLevel: nil)
    }

    /// Adds the stored vectors of `segments` in `space` to its index, in the given order.
    /// - Complexity: O(n · efConstruction · log N) distance computations.
    func indexVectors(space: EmbeddingSpace, segments: [SegmentID], txn: UnsafeWriteTransactionReference,
                      cache: HNSWWriteCache) throws {
        guard !segments.isEmpty else { return }
        let header = try hnswHeader(space: space, in: txn)
        let storage = LMDBHNSWStorage(tables: tables, txn: txn, space: space.id, header: header,
                                      context: cache.context(space: space.id))
        let context = storage.context
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        for segment in segments {
            guard let vector = try storedVector(space: space.id, segment: segment, in: txn) else { continue }
            // A zero vector has no direction: it cannot be compared by cosine, so it is not indexed.
            guard vector.contains(where: { $0 != 0 }) else { continue }
            context.pendingSegment = segment
            index.add(vector)
            if let error = context.error { throw error }
        }
        try index.storage.flush()
        try tables.hnswMeta.put(space.id, JSONRecord(index.storage.header), in: txn)
    }

    /// Tombstones `segment`'s node in `space`'s index (with neighbour repair), if it has one.
    func unindexVector(space: EmbeddingSpace, segment: SegmentID, txn: UnsafeWriteTransactionReference) throws {
        let key = Store.vectorKey(space: space.id, segment)
        guard let node = try tables.hnswSegments.get(key, in: txn) else { return }
        let storage = LMDBHNSWStorage(tables: tables, txn: txn, space: space.id, header: try hnswHeader(space: space, in: txn))
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        index.remove(node)
        if let error = storage.context.error { throw error }
        try tables.hnswSegments.delete(key, in: txn)
        try tables.hnswMeta.put(space.id, JSONRecord(index.storage.header), in: txn)
    }

    /// A segment's stored vector in a space (the one reader of the `vectors` table's bytes).
    func storedVector<T: ReadableTransaction & ~Copyable>(space: UInt32, segment: SegmentID, in txn: borrowing T) throws -> [Float]? {
        try tables.vectors.withValue(Store.vectorKey(space: space, segment), in: txn) { bytes in
            (0..<bytes.count / 4).map { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
        }
    }
}
