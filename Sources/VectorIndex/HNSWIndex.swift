// The HNSW index: Malkov & Yashunin's hierarchical navigable small-world graph.
//
// Why a final class generic over its storage: the index owns mutable scratch space (visited
// marks, heaps, query buffer) that every search reuses, so it is a reference type with
// identity, like a database handle; being generic (not `any HNSWStorage`) lets the compiler
// specialise the search loop for the concrete storage, and `@inlinable` carries that
// specialisation into client modules (the LMDB-backed storage will live in another module).
//
// Back-of-the-envelope cost (100k × 512 floats, M = 16, ef = 40): a search visits a few
// hundred nodes and computes ~1–2k distances of 2 KiB each, i.e. ~3 MiB of vector reads
// spread over random nodes; it is bound by memory latency, so the layout keeps each vector
// contiguous and each level-0 list in one fixed slot.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An approximate k-nearest-neighbour index (HNSW) over the node records in `Storage`.
///
/// Lifetime and threading: not thread-safe; searches mutate internal scratch space and
/// counters. Give each thread (or each LMDB read transaction) its own index value over its
/// own storage snapshot.
public final class HNSWIndex<Storage: HNSWStorage>: VectorSearching {
    /// How distance is measured.
    public let metric: Metric
    /// Construction and default search parameters.
    public let parameters: HNSWParameters
    /// The node records. Exposed read-only so callers can persist or inspect them.
    @inlinable public var storage: Storage { records }
    /// Work done by `search` calls since creation or `resetCounters()`.
    @inlinable public var counters: SearchCounters { tally }
    /// Number of live (added and not removed) vectors.
    @inlinable public var count: Int { records.nodeCount - records.deletedCount }
    // Stored under internal names because `@inlinable` code must be able to set them, and a
    // `public internal(set)` setter is not visible to inlinable code.
    @usableFromInline var records: Storage
    @usableFromInline var tally = SearchCounters()
    @usableFromInline var levelGenerator: SplitMix64
    @usableFromInline var scratch = SearchScratch()
    @usableFromInline var queryBuffer: [Float] = []

    /// Creates an index over existing node records (for example, opened from disk).
    ///
    /// - Parameters:
    ///   - storage: the records; its neighbour capacities must fit `parameters`.
    ///   - metric: the metric the records were built with.
    ///   - parameters: construction and search parameters; `seed` drives level draws.
    /// - Precondition: the storage holds lists of at least 2M ids on level 0 and M above.
    public init(storage: Storage, metric: Metric, parameters: HNSWParameters) {
        precondition(storage.neighbourCapacity(level: 0) >= parameters.baseConnectivity,
                     "storage level-0 capacity below 2M")
        precondition(storage.neighbourCapacity(level: 1) >= parameters.connectivity,
                     "storage upper-level capacity below M")
        records = storage
        self.metric = metric
        self.parameters = parameters
        // Re-opened storage continues the level sequence from a seed mixed with its size, so
        // that appending after a reopen does not replay the levels of the first nodes.
        levelGenerator = SplitMix64(seed: parameters.seed &+ UInt64(storage.nodeCount))
    }

    /// Number of floats per vector.
    @inlinable public var dimension: Int { storage.dimension }

    /// Sets the search counters back to zero.
    public func resetCounters() {
        tally = SearchCounters()
    }

    /// Draws a node level: ⌊−ln(U) · mL⌋ with U uniform in (0, 1], capped at `levelMax`.
    @usableFromInline
    func drawLevel() -> Int {
        let draw = -log(levelGenerator.nextUnitInterval()) * parameters.levelMultiplier
        return min(Int(draw), HNSWParameters.levelMax)
    }

    /// Copies `vector` into `buffer`, normalised when the metric requires it.
    @inlinable
    func prepare(_ vector: [Float], into buffer: inout [Float]) {
        precondition(vector.count == dimension, "vector dimension \(vector.count) ≠ \(dimension)")
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: vector)
        if metric.normalisesVectors {
            buffer.withUnsafeMutableBufferPointer { normalise($0) }
        }
    }
}

extension HNSWIndex where Storage == InMemoryHNSWStorage {
    /// Creates an empty in-memory index.
    ///
    /// - Parameters:
    ///   - dimension: floats per vector, in `1...HNSWParameters.dimensionMax`.
    ///   - metric: how distance is measured; `.cosine` normalises vectors on the way in.
    ///   - parameters: M, efConstruction, default ef, seed.
    ///   - capacity: expected number of vectors, reserved up front.
    public convenience init(
        dimension: Int, metric: Metric, parameters: HNSWParameters = HNSWParameters(),
        capacity: Int = 0
    ) {
        var storage = InMemoryHNSWStorage(dimension: dimension, parameters: parameters)
        storage.reserveCapacity(capacity)
        self.init(storage: storage, metric: metric, parameters: parameters)
    }
}

/// Buffers reused by every search and insert so the hot paths do not allocate.
@usableFromInline
struct SearchScratch {
    @usableFromInline var visited = VisitedSet()
    @usableFromInline var candidates = BinaryHeap<NearestFirst>()
    @usableFromInline var results = BinaryHeap<FarthestFirst>()
    /// Results of the last layer search, nearest first.
    @usableFromInline var sorted: [Neighbour] = []
    /// Output of neighbour selection.
    @usableFromInline var selected: [Neighbour] = []
    /// Candidates the selection heuristic discarded (for keepPrunedConnections).
    @usableFromInline var discarded: [Neighbour] = []
    /// A neighbour list being rebuilt.
    @usableFromInline var pool: [Neighbour] = []
    @usableFromInline var ids: [UInt32] = []
    /// Unvisited neighbours of the node being expanded, gathered before their distances.
    @usableFromInline var batch: [UInt32] = []

    @inlinable init() {}
}
