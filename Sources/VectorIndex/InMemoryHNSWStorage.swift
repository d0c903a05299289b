// The in-memory node records of an HNSW graph.
//
// Layout, chosen for the search loop: all vectors in one contiguous [Float] (node i at
// i·dimension), so a distance call is one pointer offset; all level-0 lists in one [UInt32]
// of fixed slots (count, then 2M ids), because every search spends most of its time on
// level 0. Upper levels hold ~1/M of the nodes, so they are per-node arrays and cost one
// empty-array word for the rest.

/// Node records of an `HNSWIndex` held in process memory. A value type: copies share
/// storage until one of them is modified.
public struct InMemoryHNSWStorage: HNSWStorage, Sendable {
    public let dimension: Int
    @usableFromInline let baseCapacity: Int
    @usableFromInline let upperCapacity: Int
    /// nodeCount × dimension floats.
    @usableFromInline var vectors: [Float] = []
    /// nodeCount × (1 + baseCapacity) slots: the count, then the ids.
    @usableFromInline var baseLinks: [UInt32] = []
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
    }

    /// Reserves room for `nodeCount` nodes so that inserting them does not reallocate.
    public mutating func reserveCapacity(_ nodeCount: Int) {
        vectors.reserveCapacity(nodeCount * dimension)
        baseLinks.reserveCapacity(nodeCount * (1 + baseCapacity))
        upperLinks.reserveCapacity(nodeCount)
        levels.reserveCapacity(nodeCount)
        deleted.reserveCapacity(nodeCount)
    }

    /// Bytes held by the records (vectors, lists, levels, tombstones), excluding slack
    /// capacity and Swift object headers.
    public var byteCount: Int {
        let upper = upperLinks.reduce(0) { $0 + $1.count * 4 + 8 }
        return vectors.count * 4 + baseLinks.count * 4 + upper + levels.count + deleted.count
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
        let start = Int(node) &* dimension
        precondition(start + dimension <= vectors.count, "node out of range")
        return try vectors.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(start: all.baseAddress! + start, count: dimension))
        }
    }

    @inlinable
    public func withNeighbours<R>(
        of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        if level == 0 {
            let start = Int(node) &* (1 &+ baseCapacity)
            return try baseLinks.withUnsafeBufferPointer { all in
                let count = Int(all[start])
                return try body(UnsafeBufferPointer(start: all.baseAddress! + start + 1, count: count))
            }
        }
        let start = (level &- 1) &* (1 &+ upperCapacity)
        return try upperLinks[Int(node)].withUnsafeBufferPointer { slots in
            let count = Int(slots[start])
            return try body(UnsafeBufferPointer(start: slots.baseAddress! + start + 1, count: count))
        }
    }

    /// Touches every cache line of each vector. Swift has no prefetch instruction, but
    /// independent loads whose results are only summed let the CPU keep all these misses in
    /// flight at once; the distance loop that follows then reads from cache.
    @inlinable
    public func prefetchVectors(of nodes: UnsafeBufferPointer<UInt32>) -> UInt32 {
        vectors.withUnsafeBytes { all in
            let byteCount = dimension &* 4
            var sink: UInt32 = 0
            for node in nodes {
                let start = Int(node) &* byteCount
                precondition(start + byteCount <= all.count, "node out of range")
                var offset = 0
                while offset < byteCount {
                    sink &+= all.load(fromByteOffset: start &+ offset, as: UInt32.self)
                    offset &+= 64
                }
                sink &+= all.load(fromByteOffset: start &+ byteCount &- 4, as: UInt32.self)
            }
            return sink
        }
    }

    public mutating func appendNode(vector: UnsafeBufferPointer<Float>, level: Int) -> UInt32 {
        precondition(vector.count == dimension, "vector dimension mismatch")
        precondition((0...HNSWParameters.levelMax).contains(level), "level out of range")
        precondition(levels.count < Int(UInt32.max), "node ids exhausted")
        let node = UInt32(levels.count)
        vectors.append(contentsOf: vector)
        baseLinks.append(contentsOf: repeatElement(0, count: 1 + baseCapacity))
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
            let start = Int(node) * (1 + baseCapacity)
            baseLinks[start] = UInt32(neighbours.count)
            for (offset, id) in neighbours.enumerated() { baseLinks[start + 1 + offset] = id }
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
