// Where an HNSW graph keeps its node records, apart from the algorithm that uses them.
//
// Why a protocol: the graph is built in memory now and will later live in LMDB pages. The
// algorithm only needs per-node reads (vector, level, neighbour list on a level, tombstone)
// and a few writes (append a node, overwrite one neighbour list, set a tombstone, move the
// entry point). An LMDB-backed storage maps these onto one read transaction (a snapshot:
// every `with…` closure sees bytes from the map, valid only inside the closure) and one
// write transaction (the single writer that inserts). `HNSWIndex` is generic over the
// storage, so the search loop calls these accessors directly, without existentials.

/// The graph's entry point: the node searches start from, on the top level of the graph.
public struct HNSWEntryPoint: Hashable, Sendable {
    /// Dense node id.
    public var node: UInt32
    /// The node's level, which is the graph's top level.
    public var level: Int

    @inlinable
    public init(node: UInt32, level: Int) {
        self.node = node
        self.level = level
    }
}

/// Node records of an HNSW graph, addressed by dense `UInt32` node ids `0..<nodeCount`.
///
/// Rules for implementations:
/// - Pointers handed to `with…` closures are valid only inside the closure; they must not
///   escape (for LMDB they point into the memory map of the current transaction).
/// - Reads must be cheap: they run once per visited node in the search loop.
/// - A neighbour list on level `l` holds at most `neighbourCapacity(level: l)` ids.
/// - `setNeighbours` replaces a whole list; the index never appends in place, so a storage
///   may store lists as fixed-size slots or as variable records.
public protocol HNSWStorage {
    /// Number of floats per vector.
    var dimension: Int { get }
    /// Number of nodes ever appended, tombstoned ones included.
    var nodeCount: Int { get }
    /// Number of nodes marked removed (so the live count is O(1) on a fresh snapshot).
    var deletedCount: Int { get }
    /// Where searches start, or nil while the graph is empty.
    var entryPoint: HNSWEntryPoint? { get }

    /// The most neighbours a list on `level` can hold.
    func neighbourCapacity(level: Int) -> Int
    /// The node's top level (it has neighbour lists on levels `0...level`).
    func level(of node: UInt32) -> Int
    /// Whether the node has been removed (a tombstone: kept for routing, never returned).
    func isDeleted(_ node: UInt32) -> Bool
    /// Calls `body` with the node's stored vector.
    func withVector<R>(of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R
    /// Calls `body` with the node's neighbour ids on `level`.
    func withNeighbours<R>(
        of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R

    /// The distance from `query` to the node's vector as searches measure it. A storage may
    /// answer from a compressed copy of the vector (its caller then re-ranks the results on
    /// `withVector`); inserts are only ever run on storages that answer exactly, so the graph
    /// is the one the float vectors make. The default reads the vector.
    func distance(from query: UnsafeBufferPointer<Float>, to node: UInt32, metric: Metric) -> Float

    /// A hint that the node's vector is about to be read: start fetching its cache lines now,
    /// so that the miss overlaps with the distances computed before it is needed. A storage
    /// that cannot benefit (one that copies vectors out) does nothing.
    func prefetchVector(of node: UInt32)

    /// Appends a node with the given vector and top level and no neighbours; returns its id,
    /// which is the previous `nodeCount`.
    mutating func appendNode(vector: UnsafeBufferPointer<Float>, level: Int) -> UInt32
    /// Replaces the node's neighbour list on `level`.
    mutating func setNeighbours(_ neighbours: UnsafeBufferPointer<UInt32>, of node: UInt32, level: Int)
    /// Marks the node removed.
    mutating func setDeleted(_ node: UInt32)
    /// Moves the entry point.
    mutating func setEntryPoint(_ entryPoint: HNSWEntryPoint?)
}

extension HNSWStorage {
    @inlinable
    public func distance(from query: UnsafeBufferPointer<Float>, to node: UInt32, metric: Metric) -> Float {
        withVector(of: node) { metric.distance(query, $0) }
    }
}
