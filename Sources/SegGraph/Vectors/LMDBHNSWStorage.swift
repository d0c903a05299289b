// HNSW node records kept in LMDB, so the vector index lives in the same environment as
// the graph and an import commits both together (or neither). Vectors sit in ~1 MiB blocks
// (`hnsw_vector_blocks`): a search looks each block up once and then reads vectors where
// they lie in the map — no lookup and no copy per visited node, which is what made the
// persisted index 4–5× slower than an in-memory one. An index written before blocks keeps
// its vectors in the node records and is read the old way (copied out: LMDB only
// guarantees 2-byte alignment for small values) until its first write converts it.
internal import Glibc
internal import LMDB
internal import VectorIndex

struct LMDBHNSWStorage<Transaction: ReadableTransaction>: HNSWStorage {
    static var nodeHeaderBytes: Int { 12 }
    let tables: StoreTables
    let txn: Transaction
    let space: UInt32
    private(set) var header: HNSWHeader
    let parameters: HNSWParameters
    /// Where vectors and level-0 lists lie, when the index has blocks.
    private let vectorBlocks: HNSWBlocks?
    private let listBlocks: HNSWBlocks?
    /// Where the blocks lie, for reads in place; nil when blocks may not be read in place. A
    /// read transaction's pages stay where they are until it ends (a put in a write
    /// transaction may move the pages it wrote).
    private let vectorBases: HNSWBlockBases?
    private let listBases: HNSWBlockBases?
    /// The int8 codes of a quantized index (`codeBases` only where read in place: searches
    /// walk on codes, inserts on floats).
    private let codeBlocks: HNSWBlocks?
    private let codeBases: HNSWBlockBases?

    /// A reader's upper-level lists, when its snapshot has them in memory.
    private let upperLists: HNSWUpperLists?

    init(tables: StoreTables, txn: Transaction, space: UInt32, header: HNSWHeader, context: WriteContext = WriteContext(caching: false),
         upperLists: HNSWUpperLists? = nil) {
        self.upperLists = upperLists
        self.tables = tables
        self.txn = txn
        self.space = space
        self.header = header
        self.context = context
        self.vectorBlocks = HNSWBlocks.vectors(of: header, space: space, tables: tables)
        self.listBlocks = HNSWBlocks.levelZeroLists(of: header, space: space, tables: tables)
        let readsInPlace = !context.caching && !(txn is UnsafeWriteTransactionReference)
        // A committed vector never changes, so a writer reading through a read transaction (an
        // import's inserts on the second core) reads those in place too, up to the committed
        // count. Its lists go through its cache (it changes them); codes are for searches only
        // (inserts measure on the floats).
        let readsVectorsInPlace = !(txn is UnsafeWriteTransactionReference)
        self.vectorBases = vectorBlocks.flatMap { readsVectorsInPlace ? HNSWBlockBases($0, nodeCount: header.nodeCount) : nil }
        self.listBases = listBlocks.flatMap { readsInPlace ? HNSWBlockBases($0, nodeCount: header.nodeCount) : nil }
        self.codeBlocks = HNSWBlocks.codes(of: header, space: space, tables: tables)
        self.codeBases = codeBlocks.flatMap { readsInPlace ? HNSWBlockBases($0, nodeCount: header.nodeCount) : nil }
        self.parameters = HNSWParameters(connectivity: header.connectivity, expansionAdd: header.expansionAdd,
                                         expansionSearch: header.expansionSearch, seed: header.seed)
    }

    var dimension: Int { header.dimension }
    var nodeCount: Int { header.nodeCount }
    var deletedCount: Int { header.deletedCount }
    var entryPoint: HNSWEntryPoint? {
        guard let node = header.entryNode, let level = header.entryLevel else { return nil }
        return HNSWEntryPoint(node: node, level: level)
    }

    func neighbourCapacity(level: Int) -> Int { parameters.degreeMax(level: level) }

    static func nodeKey(_ space: UInt32, _ node: UInt32) -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        w.write(space)
        w.write(node)
        return w.bytes
    }

    static func linkKey(_ space: UInt32, _ node: UInt32, _ level: Int) -> [UInt8] {
        var w = ByteWriter(capacity: 9)
        w.write(space)
        w.write(node)
        w.write(UInt8(level))
        return w.bytes
    }

    private func withNodeBytes<R>(_ node: UInt32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        // The key is built on the stack: this runs once per node a search touches.
        var key = (space.bigEndian, node.bigEndian)
        let stored = withUnsafeBytes(of: &key) { keyBytes in
            Result { try tables.hnswNodes.withValue(rawKey: keyBytes, in: txn) { body($0) } }
        }
        switch stored {
        case .success(let value?): return value
        // A missing node is a corrupt index (the algorithm only asks for ids < nodeCount).
        case .success(nil): recordFailure(StoreError(.corrupt, "vector index of space #\(space): node \(node) missing (table hnsw_nodes)"))
        case .failure(let error): recordFailure(error)
        }
        // The algorithm cannot throw: it gets a zero node, and the search reports the failure.
        let bytes = Self.nodeHeaderBytes + (header.vectorsPerBlock == nil ? header.dimension * 4 : 0)
        return withUnsafeTemporaryAllocation(byteCount: bytes, alignment: 8) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            return body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Keeps the first error a read hit; `failure` hands it to the caller after the search.
    private func recordFailure(_ error: any Error) {
        if context.error == nil { context.error = error }
    }

    /// The first error a read hit (a damaged or missing record), if any.
    var failure: (any Error)? { context.error }

    /// With a cache, reads a node's level, tombstone and segment in one lookup.
    private func loadNode(_ node: UInt32) {
        withNodeBytes(node) { bytes in
            context.states[node] = (Int(bytes[0]), bytes[1] != 0)
            context.segments[node] = SegmentID(rawValue: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt64.self)))
        }
    }

    /// With a cache, copies a committed node's vector into it (when it cannot be read in place).
    private func loadVector(_ node: UInt32) {
        let count = header.dimension
        context.vectors[node] = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            copyVector(of: node, into: UnsafeMutableRawPointer(buffer.baseAddress!))
            initialized = count
        }
    }

    /// (level, deleted) of a node, from the cache when there is one.
    private func nodeState(_ node: UInt32) -> (level: Int, deleted: Bool) {
        guard context.caching else { return withNodeBytes(node) { (Int($0[0]), $0[1] != 0) } }
        if context.states[node] == nil { loadNode(node) }
        return context.states[node]!
    }

    func level(of node: UInt32) -> Int { nodeState(node).level }

    func isDeleted(_ node: UInt32) -> Bool { nodeState(node).deleted }

    func segment(of node: UInt32) -> SegmentID {
        guard context.caching else {
            return withNodeBytes(node) { SegmentID(rawValue: UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 4, as: UInt64.self))) }
        }
        if context.segments[node] == nil { loadNode(node) }
        return context.segments[node]!
    }

    // The read in place comes first and is inlined into the search loop; everything else is
    // out of line. (This struct is ~800 bytes, mostly table handles, and an out-of-line call
    // copied all of it for every vector a search read.)
    @inline(__always)
    func withVector<R>(of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        if let slot = vectorBases?.slot(of: node) { return try body(vector(at: slot)) }
        return try withVectorOutOfLine(of: node, body)
    }

    /// The vector in a slot read in place.
    @inline(__always)
    private func vector(at slot: UnsafeRawPointer) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: slot.assumingMemoryBound(to: Float.self), count: header.dimension)
    }

    /// The neighbour ids in a level-0 list slot read in place: a u32 count, then the ids.
    @inline(__always)
    private func levelZeroList(at slot: UnsafeRawPointer) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(start: (slot + 4).assumingMemoryBound(to: UInt32.self),
                            count: min(Int(slot.load(as: UInt32.self)), parameters.degreeMax(level: 0)))
    }

    @inline(never)
    private func withVectorOutOfLine<R>(of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let count = header.dimension
        if let slot = slotInPlace(of: node, in: vectorBlocks, bases: vectorBases) { return try body(vector(at: slot)) }
        if context.caching {
            if let offset = context.appendedOffset(of: node, dimension: count) {
                return try context.appendedVectors.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[offset..<offset + count])) }
            }
            if context.vectors[node] == nil { loadVector(node) }
            return try context.vectors[node]!.withUnsafeBufferPointer(body)
        }
        return try withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { buffer in
            copyVector(of: node, into: UnsafeMutableRawPointer(buffer.baseAddress!))
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// Copies the node's vector out of its block (or, in an index without blocks, its record).
    private func copyVector(of node: UInt32, into destination: UnsafeMutableRawPointer) {
        let bytes = header.dimension * 4
        guard let blocks = vectorBlocks else {
            withNodeBytes(node) { record in
                guard record.count >= Self.nodeHeaderBytes + bytes else { return memsetZero(destination, bytes) }
                _ = memcpy(destination, record.baseAddress! + Self.nodeHeaderBytes, bytes)
            }
            return
        }
        withSlot(of: node, in: blocks, named: ("block", "hnsw_vector_blocks")) { slot in
            guard let slot else { return memsetZero(destination, bytes) }
            _ = memcpy(destination, slot.baseAddress!, bytes)
        }
    }

    private func memsetZero(_ destination: UnsafeMutableRawPointer, _ bytes: Int) { _ = memset(destination, 0, bytes) }

    /// Calls `body` with `node`'s slot in `blocks`, or nil (and a recorded failure) when its
    /// block is missing or short.
    private func withSlot(of node: UInt32, in blocks: HNSWBlocks, named name: (block: String, table: String),
                          _ body: (UnsafeRawBufferPointer?) -> Void) {
        let offset = blocks.offset(of: node)
        do {
            try blocks.withBlock(blocks.block(of: node), in: txn) { block in
                guard let block, block.count >= offset + blocks.slotBytes else {
                    recordFailure(StoreError(.corrupt, "vector index of space #\(space): the \(name.block) of node \(node) is missing or short (table \(name.table))"))
                    return body(nil)
                }
                body(UnsafeRawBufferPointer(rebasing: block[offset..<offset + blocks.slotBytes]))
            }
        } catch {
            recordFailure(error)
            body(nil)
        }
    }

    /// Where `node`'s slot lies in the map, its block looked up once per search and kept in
    /// `bases`; nil when reads may not be in place (`bases` is nil, see `vectorBases`) or the
    /// block is missing, short or misaligned, where the copying reads take over. The storage
    /// never outlives the transaction it was made for.
    @inline(__always)
    private func slotInPlace(of node: UInt32, in blocks: HNSWBlocks?, bases: HNSWBlockBases?) -> UnsafeRawPointer? {
        guard let bases, Int(node) < bases.nodeCount else { return nil }
        if let slot = bases.slot(of: node) { return slot }
        guard let blocks, lookUpBlockBase(blocks.block(of: node), in: blocks, bases: bases) != nil else { return nil }
        return bases.slot(of: node)
    }

    private func lookUpBlockBase(_ block: Int, in blocks: HNSWBlocks, bases: HNSWBlockBases) -> UnsafeRawPointer? {
        let base = try? blocks.withBlock(block, in: txn) { bytes -> UnsafeRawPointer? in
            guard let bytes, bytes.count == blocks.blockBytes, let start = bytes.baseAddress, Int(bitPattern: start) % 4 == 0 else { return nil }
            return start
        }
        guard let base else { return nil }
        bases.set(base, block: block)
        return base
    }

    @inline(__always)
    func withNeighbours<R>(of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        if level == 0, let slot = listBases?.slot(of: node) { return try body(levelZeroList(at: slot)) }
        return try withNeighboursOutOfLine(of: node, level: level, body)
    }

    @inline(never)
    private func withNeighboursOutOfLine<R>(of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        let capacity = neighbourCapacity(level: level)
        if context.caching {
            let key = UInt64(node) << 8 | UInt64(level)
            if context.links[key] == nil { context.links[key] = storedNeighbours(of: node, level: level) }
            return try context.links[key]!.withUnsafeBufferPointer(body)
        }
        if level > 0, let upperLists { return try upperLists.list(of: node, level: level).withUnsafeBufferPointer(body) }
        if level == 0, let blocks = listBlocks {
            if let slot = slotInPlace(of: node, in: blocks, bases: listBases) { return try body(levelZeroList(at: slot)) }
            return try storedNeighbours(of: node, level: 0).withUnsafeBufferPointer(body)
        }
        return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var count = 0
            // The key is built on the stack: this runs once per node a search expands.
            var key = (space.bigEndian, node.bigEndian, UInt8(level))
            do {
                count = try withUnsafeBytes(of: &key) { keyBytes in
                    try tables.hnswLinks.withValue(rawKey: UnsafeRawBufferPointer(rebasing: keyBytes[0..<9]), in: txn) { bytes -> Int in
                        let count = min(bytes.count / 4, capacity)
                        if count > 0 { _ = memcpy(buffer.baseAddress!, bytes.baseAddress!, count * 4) }
                        return count
                    } ?? 0
                }
            } catch { recordFailure(error) }
            return try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// A level-0 list copied out of its block slot.
    private func blockNeighbours(of node: UInt32, in blocks: HNSWBlocks) -> [UInt32] {
        var ids: [UInt32] = []
        withSlot(of: node, in: blocks, named: ("list block", "hnsw_link_blocks")) { slot in
            guard let slot else { return }
            let count = min(Int(slot.loadUnaligned(as: UInt32.self)), neighbourCapacity(level: 0))
            ids = (0..<count).map { slot.loadUnaligned(fromByteOffset: 4 + $0 * 4, as: UInt32.self) }
        }
        return ids
    }

    private func storedNeighbours(of node: UInt32, level: Int) -> [UInt32] {
        if level == 0, let blocks = listBlocks { return blockNeighbours(of: node, in: blocks) }
        var key = (space.bigEndian, node.bigEndian, UInt8(level))
        return withUnsafeBytes(of: &key) { keyBytes in
            do {
                return try tables.hnswLinks.withValue(rawKey: UnsafeRawBufferPointer(rebasing: keyBytes[0..<9]), in: txn) { bytes in
                    (0..<bytes.count / 4).map { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self) }
                } ?? []
            } catch {
                recordFailure(error)
                return []
            }
        }
    }

    /// Whether searches walk the graph on int8 codes (their caller re-ranks on the floats).
    var walksOnCodes: Bool { codeBases != nil }

    /// On a quantized index read in place, estimated from the node's int8 code; otherwise
    /// exact. (A code block that is missing falls back to the floats.)
    @inline(__always)
    func distance(from query: UnsafeBufferPointer<Float>, to node: UInt32, metric: Metric) -> Float {
        if let code = slotInPlace(of: node, in: codeBlocks, bases: codeBases) {
            return Int8Codes.distance(query, code: code, metric: metric)
        }
        return withVector(of: node) { metric.distance(query, $0) }
    }

    /// Asks for every cache line of what a search will read of the node: its code on a
    /// quantized index, else its vector. Only for reads in place; a copying read gains nothing.
    @inline(__always)
    func prefetchVector(of node: UInt32) {
        if let codeBases {
            if let code = slotInPlace(of: node, in: codeBlocks, bases: codeBases) { prefetchCacheLines(code, byteCount: codeBases.slotBytes) }
        } else if let slot = slotInPlace(of: node, in: vectorBlocks, bases: vectorBases) {
            prefetchCacheLines(slot, byteCount: header.dimension * 4)
        }
    }

    /// Writes the neighbour lists changed since the last flush (write cache only).
    func flush() throws {
        if let error = context.error { throw error }
        try writePendingNodes()
        try writePendingVectors()
        var levelZero: [UInt32] = []
        for key in context.dirtyLinks.sorted() {
            if key & 0xff == 0 && listBlocks != nil {
                levelZero.append(UInt32(key >> 8))
                continue
            }
            let bytes = context.links[key]!.withUnsafeBytes { Array($0) }
            try tables.hnswLinks.put(Self.linkKey(space, UInt32(key >> 8), Int(key & 0xff)), bytes, in: writer)
        }
        try writeLevelZeroLists(levelZero)
        context.dirtyLinks.removeAll()
    }

    /// Writes the vectors appended since the last flush into their blocks (and, in a
    /// quantized index, their codes into theirs).
    private func writePendingVectors() throws {
        guard let blocks = vectorBlocks, !context.pendingVectors.isEmpty else { return }
        try blocks.rewrite(context.pendingVectors, in: writer) { node, slot in
            withVector(of: node) { _ = memcpy(slot.baseAddress!, $0.baseAddress!, $0.count * 4) }
        }
        try codeBlocks?.rewrite(context.pendingVectors, in: writer) { node, slot in
            withVector(of: node) { Int8Codes.encode($0, into: slot) }
        }
        context.pendingVectors.removeAll()
    }

    /// Writes changed level-0 lists into their slots: a u32 count, then the ids.
    private func writeLevelZeroLists(_ nodes: [UInt32]) throws {
        guard let blocks = listBlocks else { return }
        try blocks.rewrite(nodes, in: writer) { node, slot in
            let list = context.links[UInt64(node) << 8]!
            slot.storeBytes(of: UInt32(list.count).littleEndian, as: UInt32.self)
            for (index, id) in list.enumerated() { slot.storeBytes(of: id.littleEndian, toByteOffset: 4 + index * 4, as: UInt32.self) }
        }
    }

    // MARK: Writes (only with a write transaction)

    private var writer: UnsafeWriteTransactionReference {
        guard let writer = txn as? UnsafeWriteTransactionReference else {
            preconditionFailure("HNSW storage written through a read transaction")
        }
        return writer
    }

    /// The algorithm's write hooks cannot throw: the first LMDB error (e.g. MAP_FULL) is
    /// kept here, later writes are skipped, and the caller throws it after `add` returns.
    /// It also carries the segment of the node `add` is about to append and, inside an
    /// import, a cache of the nodes touched (each node is read many times per import).
    let context: WriteContext

    private func attempt(_ body: () throws -> Void) {
        guard context.error == nil else { return }
        do { try body() } catch { context.error = error }
    }

    mutating func appendNode(vector: UnsafeBufferPointer<Float>, level: Int) -> UInt32 {
        // Writers use the blocked layout (the index is converted before its first write) and
        // a caching context, whose flush writes the node's record, segment entry and vector.
        // Nothing is written here, so inserts can run on a read transaction of the store as it
        // was before the import (on another core), with only the flush in the write transaction.
        precondition(header.vectorsPerBlock != nil && context.caching, "HNSW nodes are appended through a caching writer on blocks")
        let node = UInt32(header.nodeCount)
        context.pendingVectors.append(node)
        context.states[node] = (level, false)
        context.append(vector, node: node)
        context.segments[node] = context.pendingSegment
        if header.listsPerBlock != nil {
            // Its slot is written even if no list is ever set (the first node's stays empty),
            // so every node below nodeCount has a block.
            let key = UInt64(node) << 8
            if context.links[key] == nil { context.links[key] = [] }
            context.dirtyLinks.insert(key)
        }
        header.nodeCount += 1
        return node
    }

    /// The `hnsw_nodes` record and `hnsw_segments` entry of each node appended since the last
    /// flush.
    private func writePendingNodes() throws {
        for node in context.pendingVectors {
            var bytes = [UInt8](repeating: 0, count: Self.nodeHeaderBytes)
            bytes[0] = UInt8(context.states[node]!.level)
            let segment = context.segments[node]!
            bytes.withUnsafeMutableBytes { raw in
                raw.storeBytes(of: segment.rawValue.littleEndian, toByteOffset: 4, as: UInt64.self)
            }
            try tables.hnswNodes.put(Self.nodeKey(space, node), bytes, in: writer)
            try tables.hnswSegments.put(Store.vectorKey(space: space, segment), node, in: writer)
        }
    }

    mutating func setNeighbours(_ neighbours: UnsafeBufferPointer<UInt32>, of node: UInt32, level: Int) {
        if context.caching {
            let key = UInt64(node) << 8 | UInt64(level)
            context.links[key] = Array(neighbours)
            context.dirtyLinks.insert(key)
            return
        }
        // Blocked lists are only written through a caching writer's flush (a block per list
        // would be rewritten for every change).
        precondition(level > 0 || header.listsPerBlock == nil, "level-0 lists in blocks are written through a caching writer")
        let bytes = Array(UnsafeRawBufferPointer(neighbours))
        attempt { try tables.hnswLinks.put(Self.linkKey(space, node, level), bytes, in: writer) }
    }

    mutating func setDeleted(_ node: UInt32) {
        var stored: [UInt8]?
        attempt { stored = try tables.hnswNodes.get(Self.nodeKey(space, node), in: txn) }
        guard var bytes = stored, bytes.count > 1, bytes[1] == 0 else { return }
        bytes[1] = 1
        attempt { try tables.hnswNodes.put(Self.nodeKey(space, node), bytes, in: writer) }
        if context.caching { context.states[node] = (Int(bytes[0]), true) }
        header.deletedCount += 1
    }

    mutating func setEntryPoint(_ entryPoint: HNSWEntryPoint?) {
        header.entryNode = entryPoint?.node
        header.entryLevel = entryPoint?.level
    }
}
