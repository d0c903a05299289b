// The in-memory node records of an HNSW graph.
//
// Layout, chosen for the search loop: one contiguous [Float] buffer of fixed-size node
// records, node i at i·recordStride: its vector, then its level-0 list (count, then 2M ids,
// kept as UInt32 in Float-sized slots). A distance call is one pointer offset, and when a
// node is expanded its list sits right after the vector the search has just read, so it is
// usually in cache already (a separate list array cost one more miss per expansion, ~7% of
// search time). Upper levels hold ~1/M of the nodes, so they are per-node arrays and cost
// one empty-array word for the rest.

/// Node records of an `HNSWIndex` held in process memory. A value type: copies share
/// storage until one of them is modified.
public struct InMemoryHNSWStorage: HNSWStorage, Sendable {
    public let dimension: Int
    @usableFromInline let baseCapacity: Int
    @usableFromInline let upperCapacity: Int
    /// Floats per node record: dimension + 1 + baseCapacity.
    @usableFromInline let recordStride: Int
    /// nodeCount × recordStride floats: vector, level-0 count, level-0 ids.
    @usableFromInline var nodeRecords: [Float] = []
    /// Per node, level × (1 + upperCapacity) slots for levels 1...level.
    @usableFromInline var upperLinks: [[UInt32]] = []
    @usableFromInline var levels: [UInt8] = []
    @usableFromInline var deleted: [Bool] = []
    public private(set) var entryPoint: HNSWEntryPoint?
    public private(set) var deletedCount = 0

    /// Creates empty storage for vectors of `dimension` floats and the degree bounds of
    /// `parameters` (2M on level 0, M above).
    public init(dimension: Int, parameters: HNSWParameters) {
        precondition((1...HNSWParameters.dimensionMax).contains(dimension), "dimension out of range")
        self.dimension = dimension
        baseCapacity = parameters.baseConnectivity
        upperCapacity = parameters.connectivity
        recordStride = dimension + 1 + baseCapacity
    }

    /// Reserves room for `nodeCount` nodes so that inserting them does not reallocate.
    public mutating func reserveCapacity(_ nodeCount: Int) {
        nodeRecords.reserveCapacity(nodeCount * recordStride)
        upperLinks.reserveCapacity(nodeCount)
        levels.reserveCapacity(nodeCount)
        deleted.reserveCapacity(nodeCount)
    }

    /// Bytes held by the records (vectors, lists, levels, tombstones), excluding slack
    /// capacity and Swift object headers.
    public var byteCount: Int {
        let upper = upperLinks.reduce(0) { $0 + $1.count * 4 + 8 }
        return nodeRecords.count * 4 + upper + levels.count + deleted.count
    }

    @inlinable public var nodeCount: Int { levels.count }

    @inlinable
    public func neighbourCapacity(level: Int) -> Int {
        level == 0 ? baseCapacity : upperCapacity
    }

    @inlinable
    public func level(of node: UInt32) -> Int { Int(levels[Int(node)]) }

    @inlinable
    public func isDeleted(_ node: UInt32) -> Bool { deleted[Int(node)] }

    @inlinable
    public func withVector<R>(
        of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        let start = Int(node) &* recordStride
        precondition(start + recordStride <= nodeRecords.count, "node out of range")
        return try nodeRecords.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(start: all.baseAddress! + start, count: dimension))
        }
    }

    @inlinable
    public func withNeighbours<R>(
        of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        if level == 0 {
            let start = Int(node) &* recordStride &+ dimension
            precondition(start + 1 + baseCapacity <= nodeRecords.count, "node out of range")
            return try nodeRecords.withUnsafeBufferPointer { all in
                try (all.baseAddress! + start).withMemoryRebound(to: UInt32.self, capacity: 1 &+ baseCapacity) {
                    try body(UnsafeBufferPointer(start: $0 + 1, count: Int($0[0])))
                }
            }
        }
        let start = (level &- 1) &* (1 &+ upperCapacity)
        return try upperLinks[Int(node)].withUnsafeBufferPointer { slots in
            let count = Int(slots[start])
            return try body(UnsafeBufferPointer(start: slots.baseAddress! + start + 1, count: count))
        }
    }

    /// Asks for every cache line of the vector and the first line of its level-0 list.
    @inlinable
    public func prefetchVector(of node: UInt32) {
        nodeRecords.withUnsafeBytes { all in
            let byteCount = (dimension &+ 1) &* 4
            let start = Int(node) &* recordStride &* 4
            precondition(start + byteCount <= all.count, "node out of range")
            prefetchCacheLines(all.baseAddress! + start, byteCount: byteCount)
        }
    }

    public mutating func appendNode(vector: UnsafeBufferPointer<Float>, level: Int) -> UInt32 {
        precondition(vector.count == dimension, "vector dimension mismatch")
        precondition((0...HNSWParameters.levelMax).contains(level), "level out of range")
        precondition(levels.count < Int(UInt32.max), "node ids exhausted")
        let node = UInt32(levels.count)
        nodeRecords.append(contentsOf: vector)
        nodeRecords.append(contentsOf: repeatElement(0, count: 1 + baseCapacity))  // count 0
        upperLinks.append(level == 0 ? [] : Array(repeating: 0, count: level * (1 + upperCapacity)))
        levels.append(UInt8(level))
        deleted.append(false)
        return node
    }

    public mutating func setNeighbours(
        _ neighbours: UnsafeBufferPointer<UInt32>, of node: UInt32, level: Int
    ) {
        precondition(neighbours.count <= neighbourCapacity(level: level), "too many neighbours")
        precondition(level <= self.level(of: node), "level above the node's level")
        if level == 0 {
            let start = Int(node) * recordStride + dimension
            precondition(start + 1 + baseCapacity <= nodeRecords.count, "node out of range")
            nodeRecords.withUnsafeMutableBufferPointer { all in
                (all.baseAddress! + start).withMemoryRebound(to: UInt32.self, capacity: 1 + baseCapacity) {
                    $0[0] = UInt32(neighbours.count)
                    for (offset, id) in neighbours.enumerated() { $0[1 + offset] = id }
                }
            }
            return
        }
        let start = (level - 1) * (1 + upperCapacity)
        upperLinks[Int(node)][start] = UInt32(neighbours.count)
        for (offset, id) in neighbours.enumerated() { upperLinks[Int(node)][start + 1 + offset] = id }
    }

    public mutating func setDeleted(_ node: UInt32) {
        guard !deleted[Int(node)] else { return }
        deleted[Int(node)] = true
        deletedCount += 1
    }

    public mutating func setEntryPoint(_ entryPoint: HNSWEntryPoint?) {
        self.entryPoint = entryPoint
    }
}
