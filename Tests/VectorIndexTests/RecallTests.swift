// Goal: the HNSW index finds the true nearest neighbours: recall@10 ≥ 0.95 against the
// brute-force index, and the graph satisfies its structural invariants.
// Method: 10k × 64 clustered synthetic vectors (fixed seed), 100 held-out queries from the
// same distribution (cosine; L2 and inner product on 2k × 32); compare top-10 ids with
// exact search, then run checkInvariants() on the graph.
import Testing
import VectorIndex

@Suite("HNSW recall against brute force")
struct RecallTests {
    // M = 12 and efConstruction = 24, not 16 and 200: debug builds run the SIMD kernels
    // ~100× slower than release, and this graph still clears the recall bound.
    @Test("recall@10 ≥ 0.95 on 10k × 64 clustered vectors (cosine)")
    func recallOnClusteredVectors() {
        let metric = Metric.cosine
        var data = SyntheticVectors(dimension: 64, clusters: 100, seed: 7)
        let vectors = data.take(10_000)
        let queries = data.take(100)
        let parameters = HNSWParameters(connectivity: 12, expansionAdd: 24, expansionSearch: 64)
        let (hnsw, exact) = buildIndexes(vectors, metric: metric, parameters: parameters)
        let found = queries.map { hnsw.search($0, k: 10, expansionSearch: 64) }
        let truth = queries.map { exact.search($0, k: 10) }
        let measured = recall(at: 10, found: found, exact: truth)
        #expect(measured >= 0.95, "recall@10 = \(measured)")
        let report = hnsw.checkInvariants()
        #expect(report.violations == [])
        #expect(report.unreachable.count <= vectors.count / 1000, "unreachable: \(report.unreachable)")
        #expect(hnsw.counters.searchCount == queries.count)
        #expect(hnsw.counters.distanceCount > 0 && hnsw.counters.visitedCount > 0)
    }

    @Test("recall@10 ≥ 0.95 on 2k × 32 clustered vectors (l2, inner product)",
          arguments: [Metric.l2, .innerProduct])
    func recallOtherMetrics(metric: Metric) {
        var data = SyntheticVectors(dimension: 32, clusters: 20, seed: 11)
        let vectors = data.take(2_000)
        let queries = data.take(100)
        let (hnsw, exact) = buildIndexes(vectors, metric: metric, parameters: HNSWParameters(expansionAdd: 40))
        let found = queries.map { hnsw.search($0, k: 10, expansionSearch: 64) }
        let measured = recall(at: 10, found: found, exact: queries.map { exact.search($0, k: 10) })
        #expect(measured >= 0.95, "recall@10 = \(measured)")
        #expect(hnsw.checkInvariants().violations == [])
    }

    @Test("results are sorted by distance and match exact search on a small index")
    func resultsAreSortedAndExact() {
        var data = SyntheticVectors(dimension: 16, clusters: 5, seed: 3)
        let vectors = data.take(500)
        let (hnsw, exact) = buildIndexes(vectors, metric: .innerProduct, parameters: HNSWParameters(expansionAdd: 50))
        let query = data.next()
        let results = hnsw.search(query, k: 20, expansionSearch: 100)
        #expect(results.count == 20)
        #expect(results == results.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) })
        #expect(results.map(\.id) == exact.search(query, k: 20).map(\.id))
    }

    @Test("edge cases: empty index, k = 0, k above the count")
    func edgeCases() {
        let empty = HNSWIndex(dimension: 4, metric: .l2)
        #expect(empty.search([0, 0, 0, 0], k: 5).isEmpty)
        #expect(empty.checkInvariants().isSound)
        let small = HNSWIndex(dimension: 4, metric: .l2)
        for value in 0..<3 { small.add([Float(value), 0, 0, 0]) }
        #expect(small.search([0, 0, 0, 0], k: 0).isEmpty)
        #expect(small.search([0, 0, 0, 0], k: 10).map(\.id) == [0, 1, 2])
    }
}
