// The interface shared by the approximate HNSW index and the exact brute-force index, so
// that the brute-force one can stand in as ground truth in tests and for very selective
// filters (where an exact scan over the few matching nodes beats a graph walk).

/// One search hit.
public struct SearchResult: Hashable, Sendable {
    /// Dense node id, as returned by `add(_:)`.
    public var id: UInt32
    /// Distance to the query under the index's metric (smaller is closer).
    public var distance: Float

    @inlinable
    public init(id: UInt32, distance: Float) {
        self.id = id
        self.distance = distance
    }
}

/// Work done by searches, summed since the index was created or the counters were reset.
public struct SearchCounters: Hashable, Sendable {
    /// Number of searches run.
    public var searchCount: Int = 0
    /// Number of distance computations between the query and a stored vector.
    public var distanceCount: Int = 0
    /// Number of nodes whose neighbour lists were expanded.
    public var visitedCount: Int = 0

    @inlinable
    public init() {}
}

/// A k-nearest-neighbour index over fixed-dimension `Float` vectors with dense `UInt32` ids.
///
/// Ids are assigned by `add(_:)` in order 0, 1, 2, … and never reused; removed ids stay
/// allocated as tombstones. Implementations are not thread-safe: confine one instance to one
/// thread at a time.
public protocol VectorSearching {
    /// Number of floats per vector.
    var dimension: Int { get }
    /// How distance is measured.
    var metric: Metric { get }
    /// Number of vectors that are present (added and not removed).
    var count: Int { get }

    /// Adds a vector and returns its id.
    ///
    /// - Precondition: `vector.count == dimension` and every element is finite.
    mutating func add(_ vector: [Float]) -> UInt32

    /// Removes the vector with id `id`; later searches never return it. Removing an id twice
    /// is a no-op.
    ///
    /// - Precondition: `id` was returned by `add(_:)`.
    mutating func remove(_ id: UInt32)

    /// The `k` present vectors nearest to `query` among those whose id passes `filter`,
    /// nearest first (ties by id).
    ///
    /// - Precondition: `query.count == dimension`, `k >= 0`.
    func search(_ query: [Float], k: Int, where filter: (UInt32) -> Bool) -> [SearchResult]
}

extension VectorSearching {
    /// The `k` present vectors nearest to `query`, nearest first.
    @inlinable
    public func search(_ query: [Float], k: Int) -> [SearchResult] {
        search(query, k: k, where: { _ in true })
    }
}
