// `check`, continued: each space's HNSW graph. Every vector is indexed, every live node
// belongs to its segment, neighbour lists respect the degree bounds and point at nodes
// that exist, and the header's counts match the records.
internal import LMDB
internal import VectorIndex

extension Store {
    func checkHNSW(into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws {
        var nodes = 0
        var spaces: [EmbeddingSpace] = []
        try tables.spaces.scan(in: txn) { _, record in spaces.append(record.value); return true }
        for space in spaces {
            guard let header = try tables.hnswMeta.get(space.id, in: txn)?.value else {
                if space.vectorCount > 0 { report.fail("space \(space.name): \(space.vectorCount) vectors but no HNSW index") }
                continue
            }
            nodes += header.nodeCount
            try checkNodes(space: space, header: header, into: &report, in: txn)
            try tables.vectors.scanRaw(in: txn, from: encode32(space.id), to: encode32(space.id + 1)) { key, value in
                let isZero = (0..<value.count / 4).allSatisfy { value.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) == 0 }
                if !isZero, !(try tables.hnswSegments.contains(Array(key), in: txn)) {
                    var r = ByteReader(key, typeName: "vector key")
                    _ = try r.readUInt32()
                    report.fail("space \(space.name): vector of segment #\(try r.readUInt64()) is not indexed")
                }
                return true
            }
        }
        report.checked("HNSW nodes", nodes)
    }

    private func checkNodes(space: EmbeddingSpace, header: HNSWHeader, into report: inout ConsistencyReport,
                            in txn: borrowing ReadTransaction) throws {
        let parameters = HNSWParameters(connectivity: header.connectivity, expansionAdd: header.expansionAdd,
                                        expansionSearch: header.expansionSearch, seed: header.seed)
        var count = 0
        var deleted = 0
        try tables.hnswNodes.scanRaw(in: txn, from: encode32(space.id), to: encode32(space.id + 1)) { key, value in
            count += 1
            var r = ByteReader(key, typeName: "hnsw node key")
            _ = try r.readUInt32()
            let node = try r.readUInt32()
            let level = Int(value[0])
            let segment = value.loadUnaligned(fromByteOffset: 4, as: UInt64.self).littleEndian
            if value[1] != 0 {
                deleted += 1
            } else if try tables.hnswSegments.get(Store.vectorKey(space: space.id, SegmentID(rawValue: segment)), in: txn) != node {
                report.fail("space \(space.name): live node \(node) does not map back from segment #\(segment)")
            }
            let vectorBytes = header.vectorsPerBlock == nil ? header.dimension * 4 : 0
            if value.count != LMDBHNSWStorage<ReadTransactionBox>.nodeHeaderBytes + vectorBytes {
                report.fail("space \(space.name): node \(node) has \(value.count) bytes")
            }
            for layer in 0...level {
                let links = try storedList(space: space, header: header, node: node, level: layer, in: txn)
                if links.count / 4 > parameters.degreeMax(level: layer) {
                    report.fail("space \(space.name): node \(node) has \(links.count / 4) neighbours on level \(layer), bound \(parameters.degreeMax(level: layer))")
                }
                for i in 0..<links.count / 4 {
                    let neighbour = links.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self) }
                    if Int(neighbour) >= header.nodeCount { report.fail("space \(space.name): node \(node) links to missing node \(neighbour)") }
                }
            }
            return true
        }
        if count != header.nodeCount { report.fail("space \(space.name): header says \(header.nodeCount) nodes, \(count) stored") }
        // Every node has its slot in each kind of block, every block its full size.
        for (name, blocks) in [("list", HNSWBlocks.levelZeroLists(of: header, space: space.id, tables: tables)),
                               ("vector", HNSWBlocks.vectors(of: header, space: space.id, tables: tables)),
                               ("code", HNSWBlocks.codes(of: header, space: space.id, tables: tables))] {
            guard let blocks else { continue }
            for block in 0..<blocks.blockCount(nodeCount: header.nodeCount) {
                let size = try blocks.withBlock(block, in: txn) { $0?.count }
                if size != blocks.blockBytes {
                    report.fail("space \(space.name): \(name) block \(block) has \(size.map(String.init) ?? "no") bytes, expected \(blocks.blockBytes)")
                }
            }
        }
        if deleted != header.deletedCount { report.fail("space \(space.name): header says \(header.deletedCount) removed, \(deleted) marked") }
        try checkCodes(space: space, header: header, into: &report, in: txn)
    }

    /// In a quantized index every node's code is the one its float vector encodes to (codes
    /// are derived, so a stale or damaged one is a fault, not a rounding difference).
    private func checkCodes(space: EmbeddingSpace, header: HNSWHeader, into report: inout ConsistencyReport,
                            in txn: borrowing ReadTransaction) throws {
        guard let codes = HNSWBlocks.codes(of: header, space: space.id, tables: tables),
              let vectors = HNSWBlocks.vectors(of: header, space: space.id, tables: tables) else { return }
        var expected = [UInt8](repeating: 0, count: codes.slotBytes)
        var mismatched: [UInt32] = []
        var vectorReader = HNSWBlockReader(vectors), codeReader = HNSWBlockReader(codes)
        for node in 0..<UInt32(header.nodeCount) {
            // A missing or short block is reported above; its nodes are not compared.
            guard try vectorReader.withSlot(node, in: txn, { vector in
                guard let vector else { return false }
                expected.withUnsafeMutableBytes { Int8Codes.encode(vector.assumingMemoryBound(to: Float.self), into: $0) }
                return true
            }) else { continue }
            let same = try codeReader.withSlot(node, in: txn) { code in code.map { expected.elementsEqual($0) } ?? true }
            if !same { mismatched.append(node) }
        }
        if let first = mismatched.first {
            report.fail("space \(space.name): \(mismatched.count) int8 codes differ from their vectors (first: node \(first); `seggraph config quantize int8` derives them again)")
        }
    }
}

extension Store {
    /// A node's neighbour list on `level` as bytes: a `hnsw_links` record, or on level 0 of an
    /// index with list blocks, its slot (empty when the block is missing; reported above).
    fileprivate func storedList(space: EmbeddingSpace, header: HNSWHeader, node: UInt32, level: Int,
                                in txn: borrowing ReadTransaction) throws -> [UInt8] {
        guard level == 0, let blocks = HNSWBlocks.levelZeroLists(of: header, space: space.id, tables: tables) else {
            return try tables.hnswLinks.get(LMDBHNSWStorage<ReadTransactionBox>.linkKey(space.id, node, level), in: txn) ?? []
        }
        let offset = blocks.offset(of: node)
        return try blocks.withBlock(blocks.block(of: node), in: txn) { block in
            guard let block, block.count >= offset + blocks.slotBytes else { return [] }
            let count = Int(block.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            // A count past the slot is reported as too many neighbours; the ids that fit are read.
            return Array(UnsafeRawBufferPointer(rebasing: block[offset + 4..<offset + 4 + min(count, 2 * header.connectivity) * 4]))
                + Array(repeating: 0, count: max(0, count - 2 * header.connectivity) * 4)
        }
    }
}

/// Names the storage type's static layout helpers without a live transaction.
typealias ReadTransactionBox = UnsafeReadTransactionReference
