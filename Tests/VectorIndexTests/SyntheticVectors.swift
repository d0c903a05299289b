// Test data: clustered synthetic vectors from a seeded generator, and the recall measure.
//
// Goal: give every test the same reproducible, realistic-shaped data (embeddings cluster by
// identity/class) without files. Method: cluster centres from a standard normal, points =
// centre + normal noise with a per-cluster spread; normals by Box–Muller over SplitMix64.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VectorIndex

/// Clustered vectors, reproducible from `seed`.
struct SyntheticVectors {
    var generator: SplitMix64
    let dimension: Int
    let centres: [[Float]]
    let spreads: [Float]

    init(dimension: Int, clusters: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        self.dimension = dimension
        var centres: [[Float]] = []
        var spreads: [Float] = []
        for _ in 0..<clusters {
            centres.append((0..<dimension).map { _ in Self.normal(&generator) })
            spreads.append(0.3 + 0.7 * Float(generator.nextUnitInterval()))
        }
        self.centres = centres
        self.spreads = spreads
        self.generator = generator
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ generator: inout SplitMix64) -> Float {
        let u = generator.nextUnitInterval(), v = generator.nextUnitInterval()
        return Float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }

    /// The next vector: a random cluster's centre plus noise of that cluster's spread.
    mutating func next() -> [Float] {
        let cluster = Int(generator.next() % UInt64(centres.count))
        return (0..<dimension).map { centres[cluster][$0] + spreads[cluster] * Self.normal(&generator) }
    }

    mutating func take(_ count: Int) -> [[Float]] {
        (0..<count).map { _ in next() }
    }
}

/// Fraction of the exact top-k ids that the approximate results contain, over all queries.
func recall(at k: Int, found: [[SearchResult]], exact: [[SearchResult]]) -> Double {
    var hits = 0, wanted = 0
    for (approximate, truth) in zip(found, exact) {
        let truthIDs = Set(truth.prefix(k).map(\.id))
        hits += approximate.prefix(k).filter { truthIDs.contains($0.id) }.count
        wanted += truthIDs.count
    }
    return wanted == 0 ? 1 : Double(hits) / Double(wanted)
}

/// Builds an HNSW index and a brute-force index over the same vectors.
func buildIndexes(
    _ vectors: [[Float]], metric: Metric = .cosine, parameters: HNSWParameters
) -> (HNSWIndex<InMemoryHNSWStorage>, BruteForceIndex) {
    let hnsw = HNSWIndex(dimension: vectors[0].count, metric: metric, parameters: parameters,
                         capacity: vectors.count)
    var exact = BruteForceIndex(dimension: vectors[0].count, metric: metric)
    for vector in vectors {
        let id = hnsw.add(vector)
        let exactID = exact.add(vector)
        precondition(id == exactID)
    }
    return (hnsw, exact)
}
