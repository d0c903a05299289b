// Goal: the graph is a function of (seed, insertion order, vectors): the same inputs give the
// same graph, so stores and benchmark runs are reproducible; another seed gives another one.
// Method: build twice from 2k × 16 vectors and compare every node's level and neighbour
// lists, and search results; then with a different seed, expect some difference in levels.
import Testing
import VectorIndex

@Suite("Determinism")
struct DeterminismTests {
    func snapshot(_ index: HNSWIndex<InMemoryHNSWStorage>) -> [[[UInt32]]] {
        let storage = index.storage
        return (0..<UInt32(storage.nodeCount)).map { node in
            (0...storage.level(of: node)).map { level in
                storage.withNeighbours(of: node, level: level) { Array($0) }
            }
        }
    }

    @Test("same seed and order give the same graph; another seed does not")
    func sameSeedSameGraph() {
        var data = SyntheticVectors(dimension: 16, clusters: 10, seed: 5)
        let vectors = data.take(2_000)
        let parameters = HNSWParameters(connectivity: 8, expansionAdd: 40, seed: 42)
        let (first, _) = buildIndexes(vectors, parameters: parameters)
        let (second, _) = buildIndexes(vectors, parameters: parameters)
        #expect(snapshot(first) == snapshot(second))
        #expect(first.storage.entryPoint == second.storage.entryPoint)
        let query = data.next()
        #expect(first.search(query, k: 10) == second.search(query, k: 10))
        var other = parameters
        other.seed = 43
        let (third, _) = buildIndexes(vectors, parameters: other)
        #expect(snapshot(first) != snapshot(third))
        #expect(third.checkInvariants().violations == [])
    }

    @Test("levels follow mL = 1/ln M: about 1/M of the nodes are above level 0")
    func levelDistribution() {
        let index = HNSWIndex(dimension: 1, metric: .l2,
                              parameters: HNSWParameters(connectivity: 4, expansionAdd: 8))
        for value in 0..<4_000 { index.add([Float(value)]) }
        let upper = (0..<UInt32(4_000)).filter { index.storage.level(of: $0) > 0 }.count
        #expect((800...1_200).contains(upper), "\(upper) of 4000 above level 0, expected ~1000")
    }
}
