// Goal: HNSWIndex depends only on the HNSWStorage protocol, so another storage (the LMDB
// one to come) can be slotted in, and an index can be reopened over existing records.
// Method: a test double that keeps records in its own plain layout (dictionaries, no
// prefetch) builds the same graph as the in-memory storage from the same seed; an index
// re-created over a copy of the storage answers like the original.
import Testing
import VectorIndex

/// Node records in dictionaries: deliberately unlike the in-memory layout.
struct DictionaryStorage: HNSWStorage {
    let dimension: Int
    let parameters: HNSWParameters
    var vectors: [[Float]] = []
    var levels: [Int] = []
    var lists: [UInt64: [UInt32]] = [:]
    var deleted: Set<UInt32> = []
    var entryPoint: HNSWEntryPoint?

    var nodeCount: Int { vectors.count }
    var deletedCount: Int { deleted.count }
    func neighbourCapacity(level: Int) -> Int { parameters.degreeMax(level: level) }
    func level(of node: UInt32) -> Int { levels[Int(node)] }
    func isDeleted(_ node: UInt32) -> Bool { deleted.contains(node) }
    func key(_ node: UInt32, _ level: Int) -> UInt64 { UInt64(node) << 8 | UInt64(level) }

    func withVector<R>(of node: UInt32, _ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try vectors[Int(node)].withUnsafeBufferPointer(body)
    }

    func withNeighbours<R>(
        of node: UInt32, level: Int, _ body: (UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        try (lists[key(node, level)] ?? []).withUnsafeBufferPointer(body)
    }

    func prefetchVector(of node: UInt32) {}

    mutating func appendNode(vector: UnsafeBufferPointer<Float>, level: Int) -> UInt32 {
        vectors.append(Array(vector))
        levels.append(level)
        return UInt32(vectors.count - 1)
    }

    mutating func setNeighbours(_ neighbours: UnsafeBufferPointer<UInt32>, of node: UInt32, level: Int) {
        lists[key(node, level)] = Array(neighbours)
    }

    mutating func setDeleted(_ node: UInt32) { deleted.insert(node) }
    mutating func setEntryPoint(_ entryPoint: HNSWEntryPoint?) { self.entryPoint = entryPoint }
}

@Suite("Storage protocol")
struct StorageProtocolTests {
    @Test("another storage builds the same graph and gives the same answers")
    func dictionaryStorageMatchesInMemory() {
        var data = SyntheticVectors(dimension: 16, clusters: 8, seed: 9)
        let vectors = data.take(600)
        let parameters = HNSWParameters(connectivity: 8, expansionAdd: 24, seed: 4)
        let inMemory = HNSWIndex(dimension: 16, metric: .l2, parameters: parameters)
        let dictionary = HNSWIndex(
            storage: DictionaryStorage(dimension: 16, parameters: parameters), metric: .l2,
            parameters: parameters)
        for vector in vectors {
            inMemory.add(vector)
            dictionary.add(vector)
        }
        for id in stride(from: UInt32(0), to: 600, by: 7) {
            inMemory.remove(id)
            dictionary.remove(id)
        }
        #expect(inMemory.storage.entryPoint == dictionary.storage.entryPoint)
        for node in 0..<UInt32(600) {
            for level in 0...inMemory.storage.level(of: node) {
                let expected = inMemory.storage.withNeighbours(of: node, level: level) { Array($0) }
                #expect(dictionary.storage.withNeighbours(of: node, level: level) { Array($0) } == expected)
            }
        }
        let queries = data.take(20)
        for query in queries {
            #expect(inMemory.search(query, k: 10) == dictionary.search(query, k: 10))
        }
        #expect(dictionary.checkInvariants().violations == [])
    }

    @Test("an index re-created over existing records answers like the original")
    func reopenOverRecords() {
        var data = SyntheticVectors(dimension: 16, clusters: 8, seed: 10)
        let parameters = HNSWParameters(connectivity: 8, expansionAdd: 32)
        let original = HNSWIndex(dimension: 16, metric: .cosine, parameters: parameters)
        for vector in data.take(500) { original.add(vector) }
        original.remove(3)
        let reopened = HNSWIndex(storage: original.storage, metric: .cosine, parameters: parameters)
        #expect(reopened.count == 499)
        for query in data.take(10) {
            #expect(reopened.search(query, k: 5) == original.search(query, k: 5))
        }
        reopened.add(data.next())  // the copy is independent of the original
        #expect(reopened.count == 500 && original.count == 499)
    }
}
