// HNSW node records kept in LMDB, so the vector index lives in the same environment as
// the graph and an import commits both together (or neither). Reads copy a node's bytes
// out of the map into an aligned stack buffer before handing them to the algorithm:
// LMDB only guarantees 2-byte alignment for values.
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

    init(tables: StoreTables, txn: Transaction, space: UInt32, header: HNSWHeader, context: WriteContext = WriteContext(caching: false)) {
        self.tables = tables
        self.txn = txn
        self.space = space
        self.header = header
        self.context = context
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
        let bytes = Self.nodeHeaderBytes + header.dimension * 4
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

    /// With a cache, reads a node's level, tombstone, segment and vector in one lookup.
    private func loadNode(_ node: UInt32) {
        let count = header.dimension
        withNodeBytes(node) { bytes in
            context.states[node] = (Int(bytes[0]), bytes[1] != 0)
            context.segments[node] = SegmentID(rawValue: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt64.self)))
            context.vectors[node] = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                _ = memcpy(buffer.baseAddress!, bytes.baseAddress! + Self.nodeHeaderBytes, count * 4)
                initialized = count
            }
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

    func withVector<R>(of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let count = header.dimension
        if context.caching {
            if context.vectors[node] == nil { loadNode(node) }
            return try context.vectors[node]!.withUnsafeBufferPointer(body)
        }
        return try withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { buffer in
            withNodeBytes(node) { bytes in
                _ = memcpy(buffer.baseAddress!, bytes.baseAddress! + Self.nodeHeaderBytes, count * 4)
            }
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    func withNeighbours<R>(of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R) rethrows -> R {
        let capacity = neighbourCapacity(level: level)
        if context.caching {
            let key = UInt64(node) << 8 | UInt64(level)
            if context.links[key] == nil { context.links[key] = storedNeighbours(of: node, level: level) }
            return try context.links[key]!.withUnsafeBufferPointer(body)
        }
        return try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var count = 0
            do {
                count = try tables.hnswLinks.withValue(Self.linkKey(space, node, level), in: txn) { bytes -> Int in
                    let count = min(bytes.count / 4, capacity)
                    if count > 0 { _ = memcpy(buffer.baseAddress!, bytes.baseAddress!, count * 4) }
                    return count
                } ?? 0
            } catch { recordFailure(error) }
            return try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private func storedNeighbours(of node: UInt32, level: Int) -> [UInt32] {
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

    func prefetchVectors(of nodes: UnsafeBufferPointer<UInt32>) -> UInt32 { 0 }

    /// Writes the neighbour lists changed since the last flush (write cache only).
    func flush() throws {
        if let error = context.error { throw error }
        for key in context.dirtyLinks.sorted() {
            let bytes = context.links[key]!.withUnsafeBytes { Array($0) }
            try tables.hnswLinks.put(Self.linkKey(space, UInt32(key >> 8), Int(key & 0xff)), bytes, in: writer)
        }
        context.dirtyLinks.removeAll()
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
        let node = UInt32(header.nodeCount)
        var bytes = [UInt8](repeating: 0, count: Self.nodeHeaderBytes + vector.count * 4)
        bytes[0] = UInt8(level)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: context.pendingSegment.rawValue.littleEndian, toByteOffset: 4, as: UInt64.self)
            _ = memcpy(raw.baseAddress! + Self.nodeHeaderBytes, vector.baseAddress!, vector.count * 4)
        }
        let segment = context.pendingSegment
        attempt {
            try tables.hnswNodes.put(Self.nodeKey(space, node), bytes, in: writer)
            try tables.hnswSegments.put(Store.vectorKey(space: space, segment), node, in: writer)
        }
        if context.caching {
            context.states[node] = (level, false)
            context.vectors[node] = Array(vector)
            context.segments[node] = segment
        }
        header.nodeCount += 1
        return node
    }

    mutating func setNeighbours(_ neighbours: UnsafeBufferPointer<UInt32>, of node: UInt32, level: Int) {
        if context.caching {
            let key = UInt64(node) << 8 | UInt64(level)
            context.links[key] = Array(neighbours)
            context.dirtyLinks.insert(key)
            return
        }
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

    init(caching: Bool) { self.caching = caching }
}

/// The write contexts of one import transaction, by space id.
final class HNSWWriteCache {
    private var contexts: [UInt32: WriteContext] = [:]
    func context(space: UInt32) -> WriteContext {
        if let context = contexts[space] { return context }
        let context = WriteContext(caching: true)
        contexts[space] = context
        return context
    }
}
