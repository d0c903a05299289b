// The exact index: a scan over every stored vector. Ground truth for HNSW recall, and the
// fallback for filters so selective that scanning the few matching nodes beats a graph walk.

/// An exact k-nearest-neighbour index that compares the query with every live vector.
///
/// Not thread-safe; a value type, so copies are independent.
public struct BruteForceIndex: VectorSearching, Sendable {
    public let dimension: Int
    public let metric: Metric
    public private(set) var count = 0
    /// All vectors, contiguously, in id order (normalised for `.cosine`).
    @usableFromInline var vectors: [Float] = []
    @usableFromInline var deleted: [Bool] = []

    /// Creates an empty index.
    ///
    /// - Precondition: `dimension` in `1...HNSWParameters.dimensionMax`.
    public init(dimension: Int, metric: Metric) {
        precondition((1...HNSWParameters.dimensionMax).contains(dimension), "dimension out of range")
        self.dimension = dimension
        self.metric = metric
    }

    /// - Complexity: amortised O(dimension).
    @discardableResult
    public mutating func add(_ vector: [Float]) -> UInt32 {
        precondition(vector.count == dimension, "vector dimension mismatch")
        precondition(vector.allSatisfy(\.isFinite), "vector has a non-finite element")
        precondition(deleted.count < Int(UInt32.max), "node ids exhausted")
        let start = vectors.count
        vectors.append(contentsOf: vector)
        if metric.normalisesVectors {
            vectors.withUnsafeMutableBufferPointer { all in
                normalise(UnsafeMutableBufferPointer(rebasing: all[start..<start + dimension]))
            }
        }
        deleted.append(false)
        count += 1
        return UInt32(deleted.count - 1)
    }

    /// - Complexity: O(1).
    public mutating func remove(_ id: UInt32) {
        precondition(Int(id) < deleted.count, "node id \(id) out of range")
        guard !deleted[Int(id)] else { return }
        deleted[Int(id)] = true
        count -= 1
    }

    /// - Complexity: O(N · dimension + N · log k).
    public func search(_ query: [Float], k: Int, where filter: (UInt32) -> Bool) -> [SearchResult] {
        precondition(query.count == dimension, "query dimension mismatch")
        precondition(k >= 0, "k must not be negative")
        guard k > 0 else { return [] }
        var prepared = query
        if metric.normalisesVectors { prepared.withUnsafeMutableBufferPointer { normalise($0) } }
        var nearest = BinaryHeap<FarthestFirst>()
        prepared.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                for index in deleted.indices where !deleted[index] && filter(UInt32(index)) {
                    let vector = UnsafeBufferPointer(rebasing: all[index * dimension..<(index + 1) * dimension])
                    let candidate = Neighbour(distance: metric.distance(q, vector), id: UInt32(index))
                    if nearest.count < k {
                        nearest.push(candidate)
                    } else if FarthestFirst.precedes(nearest.top!, candidate) {
                        _ = nearest.pop()
                        nearest.push(candidate)
                    }
                }
            }
        }
        var results: [SearchResult] = []
        while let farthest = nearest.pop() { results.append(SearchResult(id: farthest.id, distance: farthest.distance)) }
        return results.reversed()
    }
}
