// Goal: filtered search and removal behave as promised: a filter that k nodes pass yields k
// results that all pass it; removed ids are never returned; recall over the remaining nodes
// stays high; the graph stays sound and reachable after the repairs.
// Method: 3k × 32 clustered vectors (fixed seed); filters on id residues (1/2, 1/10, 1/100,
// exactly k passing) and removal of a third of the nodes, compared with brute force
// over the same filter / the remaining nodes.
import Testing
import VectorIndex

@Suite("Filtered search and deletes")
struct FilterAndDeleteTests {
    static func fixture() -> (HNSWIndex<InMemoryHNSWStorage>, BruteForceIndex, [[Float]]) {
        var data = SyntheticVectors(dimension: 32, clusters: 30, seed: 21)
        let vectors = data.take(3_000)
        let (hnsw, exact) = buildIndexes(vectors, parameters: HNSWParameters(expansionAdd: 40))
        return (hnsw, exact, data.take(50))
    }

    @Test("a filter that k or more nodes pass yields k passing results", arguments: [2, 10, 100, 300])
    func filteredSearchReturnsK(modulus: Int) {
        let (hnsw, exact, queries) = Self.fixture()
        let filter: (UInt32) -> Bool = { $0 % UInt32(modulus) == 0 }
        var found: [[SearchResult]] = []
        for query in queries {
            let results = hnsw.search(query, k: 10, expansionSearch: 64, where: filter)
            #expect(results.count == 10)
            #expect(results.allSatisfy { filter($0.id) })
            found.append(results)
        }
        let truth = queries.map { exact.search($0, k: 10, where: filter) }
        #expect(recall(at: 10, found: found, exact: truth) >= 0.9)
    }

    @Test("exactly k passing nodes are all found")
    func exactlyKPass() {
        let (hnsw, _, queries) = Self.fixture()
        let allowed: Set<UInt32> = [5, 999, 1500, 2001, 2999]
        let results = hnsw.search(queries[0], k: 5, where: { allowed.contains($0) })
        #expect(Set(results.map(\.id)) == allowed)
        #expect(hnsw.search(queries[0], k: 5, where: { _ in false }).isEmpty)
    }

    @Test("removed ids are never returned and recall of the rest stays high")
    func deletes() {
        var (hnsw, exact, queries) = Self.fixture()
        for id in stride(from: UInt32(0), to: 3_000, by: 3) {
            hnsw.remove(id)
            exact.remove(id)
        }
        hnsw.remove(0)  // a second removal is a no-op
        #expect(hnsw.count == 2_000 && exact.count == 2_000)
        let found = queries.map { hnsw.search($0, k: 10, expansionSearch: 64) }
        #expect(found.allSatisfy { $0.count == 10 && $0.allSatisfy { $0.id % 3 != 0 } })
        let measured = recall(at: 10, found: found, exact: queries.map { exact.search($0, k: 10) })
        #expect(measured >= 0.95, "recall@10 after deletes = \(measured)")
        let report = hnsw.checkInvariants()
        #expect(report.violations == [])
        #expect(report.unreachable.count <= 2, "unreachable: \(report.unreachable)")
        if let entry = hnsw.storage.entryPoint { #expect(!hnsw.storage.isDeleted(entry.node)) }
    }

    @Test("removing every node leaves an empty but sound index")
    func removeAll() {
        let hnsw = HNSWIndex(dimension: 2, metric: .l2, parameters: HNSWParameters(expansionAdd: 10))
        for value in 0..<50 { hnsw.add([Float(value), 1]) }
        for id in 0..<UInt32(50) { hnsw.remove(id) }
        #expect(hnsw.count == 0)
        #expect(hnsw.search([0, 1], k: 3).isEmpty)
        #expect(hnsw.checkInvariants().violations == [])
        hnsw.add([3, 3])
        #expect(hnsw.search([0, 1], k: 3).map(\.id) == [50])
    }
}
