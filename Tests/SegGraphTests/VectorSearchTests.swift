// Goal: the HNSW index persisted in LMDB finds the true nearest neighbours, honours
// filters (k results whenever k segments pass), survives reopening without a rebuild,
// and never returns segments that were removed.
// Method: seeded clustered vectors imported as segments; every answer is compared with a
// brute-force ranking computed in the test from the generated vectors.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite(.serialized) struct VectorSearchTests {
    static let dimension = 24
    static let count = 5000

    /// Seeded clustered unit vectors: 50 centres, points spread around them.
    static func vectors(seed: UInt64) -> [[Float]] {
        var random = IntervalQueryTests.Generator(state: seed)
        func gaussian() -> Float {
            let u = max(1e-12, random.uniform(0...1)), v = random.uniform(0...1)
            return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
        }
        let centres = (0..<50).map { _ in (0..<dimension).map { _ in gaussian() } }
        return (0..<count).map { i in
            let centre = centres[i % centres.count]
            let point = centre.map { $0 + 0.35 * gaussian() }
            let norm = point.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return point.map { $0 / norm }
        }
    }

    /// Label by selectivity: 0.1 % "rare", 5 % "few", the rest split "half"/"other".
    static func label(_ i: Int) -> String {
        if i % 1000 == 7 { return "rare" }
        if i % 20 == 3 { return "few" }
        return i % 2 == 0 ? "half" : "other"
    }

    static let fixture: StoreFixture = {
        let fixture = try! StoreFixture()
        let data = vectors(seed: 7)
        let segments = data.enumerated().map { i, v in
            segmentJSON(String(format: "v%05d", i), label: label(i), start: Double(i), end: Double(i) + 0.5, embedding: v)
        }
        try! fixture.importFile(fixture.directory.write("vectors.json", documentJSON(source: "cam", segments: segments)))
        return fixture
    }()

    func bruteForce(_ query: [Float], k: Int, where admit: (Int) -> Bool = { _ in true }) -> [String] {
        let data = Self.vectors(seed: 7)
        let scored = data.indices.filter(admit).map { i in (i, zip(query, data[i]).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
        return scored.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(k).map { String(format: "v%05d", $0.0) }
    }

    func queries() -> [[Float]] { Array(Self.vectors(seed: 99).prefix(40)) }

    @Test func recallAtTenAgainstBruteForce() throws {
        var found = 0
        for query in queries() {
            let answer = try Self.fixture.store.run(SimilarQuery(seed: .vector(query), space: "default", k: 10))
            let (hits, method) = (answer.hits, answer.method)
            #expect(method == .hnsw)
            found += Set(hits.map(\.hit.segment.externalID)).intersection(bruteForce(query, k: 10)).count
        }
        let recall = Double(found) / Double(queries().count * 10)
        #expect(recall >= 0.95, "recall@10 = \(recall)")
    }

    @Test(arguments: [("half", 0.5), ("few", 0.05), ("rare", 0.001)])
    func filteredSearchReturnsKAndMatchesBruteForce(label: String, selectivity: Double) throws {
        var filter = SegmentFilter()
        filter.labels = [label]
        var found = 0
        var expected = 0
        for query in queries() {
            let k = min(10, Int(Double(Self.count) * selectivity))
            let answer = try Self.fixture.store.run(SimilarQuery(seed: .vector(query), space: "default", k: k, filter: filter))
            let (hits, method) = (answer.hits, answer.method)
            #expect(hits.count == k)
            #expect(hits.allSatisfy { $0.hit.segment.label == label })
            let truth = bruteForce(query, k: k) { Self.label($0) == label }
            if method == .exact { #expect(hits.map(\.hit.segment.externalID) == truth) }
            found += Set(hits.map(\.hit.segment.externalID)).intersection(truth).count
            expected += k
        }
        #expect(Double(found) / Double(expected) >= 0.95, "filtered recall for \(label)")
    }

    @Test func reopenedStoreAnswersTheSameWithoutRebuilding() throws {
        let query = queries()[0]
        let before = try Self.fixture.store.run(SimilarQuery(seed: .vector(query), space: "default", k: 10)).hits.map(\.hit.segment.id)
        let reopened = try Store.open(at: Self.fixture.store.path, readOnly: true)
        let started = Date()
        let after = try reopened.run(SimilarQuery(seed: .vector(query), space: "default", k: 10)).hits.map(\.hit.segment.id)
        #expect(after == before)
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func removedSegmentsAreNeverReturned() throws {
        let fixture = try StoreFixture()
        let data = Self.vectors(seed: 3).prefix(600)
        let dir = TemporaryDirectory("vector-replace")
        let all = data.enumerated().map { i, v in segmentJSON("s\(i)", start: Double(i), end: Double(i) + 1, embedding: v) }
        let path = dir.write("cam.json", documentJSON(source: "cam", segments: all))
        try fixture.importFile(path)
        dir.write("cam.json", documentJSON(source: "cam", segments: Array(all.prefix(300))))
        try fixture.importFile(path, replace: true)
        for query in data.suffix(20) {
            let hits = try fixture.store.run(SimilarQuery(seed: .vector(Array(query)), space: "default", k: 10)).hits
            #expect(hits.count == 10)
            #expect(hits.allSatisfy { Int($0.hit.segment.externalID.dropFirst())! < 300 })
        }
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
    }
}
