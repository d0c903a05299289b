// Keeping each embedding space's HNSW index in step with its vectors, inside the same
// write transaction: an import adds its vectors, a removal tombstones them.
internal import Glibc
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

    /// The stored vectors of `segments` in `space`, in the given order, with the index header
    /// they go into (an older index is converted first, in `txn`). Zero vectors are left out:
    /// they have no direction, so cosine cannot compare them.
    func prepareVectorInserts(space: EmbeddingSpace, segments: [SegmentID], txn: UnsafeWriteTransactionReference,
                              cache: HNSWWriteCache) throws -> PendingVectorInserts {
        let committed = try hnswHeader(space: space, in: txn)
        let header = try writableHNSWHeader(converting: committed, space: space, in: txn)
        var vectors: [(SegmentID, [Float])] = []
        for segment in segments {
            guard let vector = try storedVector(space: space.id, segment: segment, in: txn),
                  vector.contains(where: { $0 != 0 }) else { continue }
            vectors.append((segment, vector))
        }
        return PendingVectorInserts(space: space, header: header, context: cache.context(space: space.id), vectors: vectors,
                                    // An empty index has nothing to read, converted or not.
                                    readsAsCommitted: (committed == header || committed.nodeCount == 0) && cache.isUntouched(space: space.id))
    }

    /// Inserts `pending`'s vectors, reading the index through `txn` (the write transaction, or
    /// a read transaction of the store as committed when `pending.readsAsCommitted`). Writes
    /// nothing: the nodes, lists and vectors wait in the write cache for `flushVectorInserts`.
    /// Returns the header after the inserts.
    /// - Complexity: O(n · efConstruction · log N) distance computations.
    func insertVectors<T: ReadableTransaction>(_ pending: PendingVectorInserts, reading txn: T) throws -> HNSWHeader {
        let storage = LMDBHNSWStorage(tables: tables, txn: txn, space: pending.space.id, header: pending.header, context: pending.context)
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        for (segment, vector) in pending.vectors {
            pending.context.pendingSegment = segment
            index.add(vector)
            if let error = pending.context.error { throw error }
        }
        return index.storage.header
    }

    /// Writes what `insertVectors` left in the cache, and the header.
    func flushVectorInserts(_ pending: PendingVectorInserts, header: HNSWHeader, txn: UnsafeWriteTransactionReference) throws {
        try LMDBHNSWStorage(tables: tables, txn: txn, space: pending.space.id, header: header, context: pending.context).flush()
        try tables.hnswMeta.put(pending.space.id, JSONRecord(header), in: txn)
    }

    /// Tombstones `segment`'s node in `space`'s index (with neighbour repair), if it has one.
    /// The repaired lists stay in `cache` until `flushVectorIndex`.
    func unindexVector(space: EmbeddingSpace, segment: SegmentID, txn: UnsafeWriteTransactionReference,
                       cache: HNSWWriteCache) throws {
        let key = Store.vectorKey(space: space.id, segment)
        guard let node = try tables.hnswSegments.get(key, in: txn) else { return }
        let storage = LMDBHNSWStorage(tables: tables, txn: txn, space: space.id, header: try writableHNSWHeader(space: space, in: txn),
                                      context: cache.context(space: space.id))
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        index.remove(node)
        if let error = storage.context.error { throw error }
        try tables.hnswSegments.delete(key, in: txn)
        try tables.hnswMeta.put(space.id, JSONRecord(index.storage.header), in: txn)
    }

    /// Writes what `cache` holds for `space`'s index (the lists removals repaired).
    func flushVectorIndex(space: EmbeddingSpace, cache: HNSWWriteCache, txn: UnsafeWriteTransactionReference) throws {
        guard let header = try tables.hnswMeta.get(space.id, in: txn)?.value else { return }
        try LMDBHNSWStorage(tables: tables, txn: txn, space: space.id, header: header, context: cache.context(space: space.id)).flush()
    }

    /// The header of `space`'s index for a writer: an index written before vector blocks is
    /// converted first, in this transaction (each node's vector moves from its `hnsw_nodes`
    /// record into its block; the graph itself is unchanged). The caller stores the header.
    /// - Complexity: O(nodes) once per index; O(1) afterwards.
    func writableHNSWHeader(space: EmbeddingSpace, in txn: UnsafeWriteTransactionReference) throws -> HNSWHeader {
        try writableHNSWHeader(converting: hnswHeader(space: space, in: txn), space: space, in: txn)
    }

    /// `stored` (the header as read) ready for a writer; see `writableHNSWHeader(space:in:)`.
    func writableHNSWHeader(converting stored: HNSWHeader, space: EmbeddingSpace, in txn: UnsafeWriteTransactionReference) throws -> HNSWHeader {
        var header = stored
        if header.vectorsPerBlock == nil { try moveVectorsIntoBlocks(&header, space: space, in: txn) }
        if header.listsPerBlock == nil { try moveLevelZeroListsIntoBlocks(&header, space: space, in: txn) }
        return header
    }

    /// Level-0 lists from `hnsw_links` records into list blocks (the first write of an index
    /// written before them); the records are deleted.
    private func moveLevelZeroListsIntoBlocks(_ header: inout HNSWHeader, space: EmbeddingSpace, in txn: UnsafeWriteTransactionReference) throws {
        header.listsPerBlock = HNSWHeader.listsPerBlock(connectivity: header.connectivity)
        guard header.nodeCount > 0, let blocks = HNSWBlocks.levelZeroLists(of: header, space: space.id, tables: tables) else { return }
        let capacity = 2 * header.connectivity
        var filler = HNSWBlockFiller(blocks)
        var levelZeroKeys: [[UInt8]] = []
        // Keys are space | node | level: node order, level 0 first.
        try tables.hnswLinks.scanRaw(in: txn, from: encode32(space.id), to: encode32(space.id + 1)) { key, value in
            guard key.count == 9, key[8] == 0 else { return true }
            let node = UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
            let count = value.count / 4
            guard count <= capacity else {
                throw StoreError(.corrupt, "vector index of space \(space.name): node \(node) has \(count) level-0 neighbours, bound \(capacity) (table hnsw_links)")
            }
            try filler.fill(node, in: txn) { slot in
                slot.storeBytes(of: UInt32(count).littleEndian, as: UInt32.self)
                _ = memcpy(slot.baseAddress! + 4, value.baseAddress!, count * 4)
            }
            levelZeroKeys.append(Array(key))
            return true
        }
        try filler.finish(nodeCount: header.nodeCount, in: txn)
        for key in levelZeroKeys { _ = try tables.hnswLinks.delete(key, in: txn) }
    }

    /// Vectors from `hnsw_nodes` records into vector blocks (the first write of an index
    /// written before them); the records keep their 12-byte header.
    private func moveVectorsIntoBlocks(_ header: inout HNSWHeader, space: EmbeddingSpace, in txn: UnsafeWriteTransactionReference) throws {
        header.vectorsPerBlock = HNSWHeader.vectorsPerBlock(dimension: header.dimension)
        guard header.nodeCount > 0, let blocks = HNSWBlocks.vectors(of: header, space: space.id, tables: tables) else { return }
        let bytes = header.dimension * 4
        let headerBytes = LMDBHNSWStorage<ReadTransactionBox>.nodeHeaderBytes
        var filler = HNSWBlockFiller(blocks)
        var records: [(key: [UInt8], header: [UInt8])] = []
        // Nodes come in key order, which is node order.
        try tables.hnswNodes.scanRaw(in: txn, from: encode32(space.id), to: encode32(space.id + 1)) { key, value in
            guard value.count == headerBytes + bytes, key.count == 8 else {
                throw StoreError(.corrupt, "vector index of space \(space.name): a node record of \(value.count) bytes (table hnsw_nodes)")
            }
            try filler.fill(UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 4, as: UInt32.self)), in: txn) { slot in
                _ = memcpy(slot.baseAddress!, value.baseAddress! + headerBytes, bytes)
            }
            records.append((Array(key), Array(value.prefix(headerBytes))))
            return true
        }
        try filler.finish(nodeCount: header.nodeCount, in: txn)
        for record in records { try tables.hnswNodes.put(record.key, record.header, in: txn) }
    }

    /// A segment's stored vector in a space (the one reader of the `vectors` table's bytes).
    func storedVector<T: ReadableTransaction & ~Copyable>(space: UInt32, segment: SegmentID, in txn: borrowing T) throws -> [Float]? {
        try tables.vectors.withValue(Store.vectorKey(space: space, segment), in: txn) { bytes in
            // One copy, not a closure call per float: the linker reads a vector per candidate.
            [Float](unsafeUninitializedCapacity: bytes.count / 4) { floats, count in
                count = bytes.count / 4
                UnsafeMutableRawBufferPointer(floats).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<count * 4]))
            }
        }
    }
}
