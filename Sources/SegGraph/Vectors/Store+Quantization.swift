// Turning a space's int8 codes on or off. The codes are derived data: made from the float
// vectors already in the index, in one write transaction, so a reader sees the index with
// every code or with none. The graph is not touched (it was built on the floats and stays so).
internal import LMDB
internal import VectorIndex

/// How a space's vector index measures distance while a search walks its graph.
public enum VectorQuantization: String, Sendable, CaseIterable {
    /// On the float vectors (exact).
    case none
    /// On int8 codes, a quarter of the bytes; the candidates a search ends with are re-ranked
    /// on the floats, so the answer's distances are exact and its order is the floats'.
    case int8
}

/// What `Store.setVectorQuantization` did.
public struct QuantizationChange: Sendable, Equatable {
    public var space: String
    public var quantization: VectorQuantization
    /// Nodes in the space's index (each got a code, or lost it).
    public var nodeCount: Int
    /// Bytes a search reads per visited node: a code, or a float vector.
    public var bytesPerVisit: Int
    /// Bytes of one float vector (kept in either case: results are re-ranked on them).
    public var bytesPerVector: Int

    /// One line for a person.
    public var summary: String {
        switch quantization {
        case .int8:
            return "space \(space): \(nodeCount) vectors quantized to int8 (searches read \(bytesPerVisit) bytes per node instead of \(bytesPerVector); results re-ranked on the floats)"
        case .none:
            return "space \(space): \(nodeCount) vectors searched on floats (\(bytesPerVector) bytes per node; no codes kept)"
        }
    }
}

extension Store {
    /// Makes searches of `spaceName` walk on int8 codes (`.int8`) or on the float vectors
    /// (`.none`). Setting `.int8` again re-derives every code.
    /// - Throws: `.invalidArgument` for an unknown space, `.readOnly` on a read-only store.
    /// - Complexity: O(nodes · dimension), one write transaction.
    @discardableResult
    public func setVectorQuantization(_ quantization: VectorQuantization, space spaceName: String) throws -> QuantizationChange {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        guard let space = try read({ try $0.embeddingSpace(named: spaceName) }) else {
            let names = try read { try $0.embeddingSpaces() }.map(\.name).sorted()
            let near = DidYouMean.hint(for: spaceName, among: names)
            let known = names.isEmpty ? "this store has none" : "this store has \(names.joined(separator: ", "))"
            throw StoreError(.invalidArgument, "no embedding space \"\(spaceName)\"\(near): \(known)", parameter: "space")
        }
        // Answers change (a search on codes may end on other candidates): readers must not
        // keep cached ones.
        let header = try writeChangingAnswers { txn in
            let writer = txn.unsafeReference()
            var header = try writableHNSWHeader(space: space, in: writer)
            try HNSWBlocks.codes(of: header, space: space.id, tables: tables)?.deleteAll(nodeCount: header.nodeCount, in: writer)
            header.quantization = nil
            header.codesPerBlock = nil
            if quantization == .int8 {
                header.quantization = VectorQuantization.int8.rawValue
                header.codesPerBlock = HNSWHeader.codesPerBlock(dimension: header.dimension)
                try writeCodes(header: header, space: space, in: writer)
            }
            try tables.hnswMeta.put(space.id, JSONRecord(header), in: writer)
            return header
        }
        return QuantizationChange(space: space.name, quantization: quantization, nodeCount: header.nodeCount,
                                  bytesPerVisit: quantization == .int8 ? Int8Codes.slotBytes(dimension: header.dimension) : header.dimension * 4,
                                  bytesPerVector: header.dimension * 4)
    }

    /// Every node's code, block by block, from its float vector.
    private func writeCodes(header: HNSWHeader, space: EmbeddingSpace, in txn: UnsafeWriteTransactionReference) throws {
        guard header.nodeCount > 0,
              let codes = HNSWBlocks.codes(of: header, space: space.id, tables: tables),
              let vectors = HNSWBlocks.vectors(of: header, space: space.id, tables: tables) else { return }
        var filler = HNSWBlockFiller(codes)
        var reader = HNSWBlockReader(vectors)
        for node in 0..<UInt32(header.nodeCount) {
            try reader.withSlot(node, in: txn) { slot in
                guard let slot else {
                    throw StoreError(.corrupt, "vector index of space \(space.name): the block of node \(node) is missing or short (table hnsw_vector_blocks)")
                }
                try filler.fill(node, in: txn) { code in Int8Codes.encode(slot.assumingMemoryBound(to: Float.self), into: code) }
            }
        }
        try filler.finish(nodeCount: header.nodeCount, in: txn)
    }
}
