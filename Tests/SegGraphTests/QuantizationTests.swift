// Goal: int8 codes let a search walk a quarter of the memory without changing what an answer
// means. Distances in answers stay exact (candidates are re-ranked on the floats), the top 10
// stays (nearly) the floats' top 10, imports keep the codes current, `none` gives back exactly
// the float answers (the graph was built on the floats either way), and `check` notices a code
// that no longer matches its vector.
// Method: a simulated 3-camera site with 128-d embeddings; answers compared as segment names
// and similarities (4 decimals) at ef 16 and 96 against a store that was never quantized.
import Foundation
import LMDB
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite(.serialized) struct QuantizationTests {
    static let dimension = 128

    static func site(_ directory: TemporaryDirectory) throws -> [String] {
        let site = directory.file("site")
        _ = try SiteSimulator(SimulationParameters(cameras: 3, people: 60, hours: 0.1, framesPerSecond: 2,
                                                   embeddingDimension: dimension, seed: 23)).write(to: site)
        return (0..<3).map { site + "/cam_0\($0).json" }
    }

    /// Every 5th person segment of the first two cameras.
    static func seeds(_ store: Store) throws -> [String] {
        var filter = SegmentFilter()
        filter.labels = ["person"]
        filter.sources = ["cam_00", "cam_01"]
        filter.limit = 300
        return try store.run(SegmentsQuery(filter: filter)).hits.map(\.name).enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
    }

    /// Per seed and breadth: the 10 nearest as name → similarity (4 decimals).
    static func answers(_ store: Store, _ seeds: [String]) throws -> [[String: String]] {
        try seeds.flatMap { seed in
            try [16, 96].map { ef in
                let hits = try store.run(SimilarQuery(seed: .segment(seed), k: 10, expansionSearch: ef)).hits
                return Dictionary(uniqueKeysWithValues: hits.map { ($0.hit.name, String(format: "%.4f", $0.similarity)) })
            }
        }
    }

    @Test func int8CodesKeepAnswersExactAndFollowImports() throws {
        let directory = TemporaryDirectory("quantization")
        let files = try Self.site(directory)
        let reference = try Store.create(at: directory.file("reference"))
        let store = try Store.create(at: directory.file("store"))
        for file in files.prefix(2) {
            _ = try reference.importFile(ImportRequest(path: file))
            _ = try store.importFile(ImportRequest(path: file))
        }
        let seeds = try Self.seeds(store)
        #expect(seeds.count >= 10)
        let floats = try Self.answers(reference, seeds)

        let change = try store.setVectorQuantization(.int8, space: "default")
        #expect(change.nodeCount > 100)
        #expect(change.bytesPerVisit == 192 && change.bytesPerVector == 512)
        #expect(try store.check().isConsistent)
        let coded = try Self.answers(store, seeds)

        // Every similarity a coded search reports is the exact one: where both answers name
        // the same segment, they give it the same similarity.
        var shared = 0, total = 0
        for (exact, walked) in zip(floats, coded) {
            for (name, similarity) in walked {
                total += 1
                guard let expected = exact[name] else { continue }
                shared += 1
                #expect(similarity == expected, "\(name): \(similarity) on codes, \(expected) on floats")
            }
        }
        // And the top 10 is the floats' top 10 for nearly every hit.
        #expect(Double(shared) >= 0.95 * Double(total), "\(shared) of \(total) hits shared with the float answers")

        // An import into the quantized index codes its new vectors (check re-derives them all).
        _ = try reference.importFile(ImportRequest(path: files[2]))
        _ = try store.importFile(ImportRequest(path: files[2]))
        #expect(try store.check().isConsistent)

        // Without codes, the answers are the float index's, exactly: the graph never changed.
        #expect(try store.setVectorQuantization(.none, space: "default").quantization == .none)
        #expect(try store.check().isConsistent)
        #expect(try Self.answers(store, seeds) == (try Self.answers(reference, seeds)))
    }

    @Test func checkNoticesACodeThatNoLongerMatchesItsVector() throws {
        let directory = TemporaryDirectory("quantization-check")
        let files = try Self.site(directory)
        let path = directory.file("store")
        do {
            let store = try Store.create(at: path)
            _ = try store.importFile(ImportRequest(path: files[0]))
            try store.setVectorQuantization(.int8, space: "default")
        }
        // One code byte of the first block changed, as a damaged or stale code would be.
        do {
            let env = try Environment(path: path)
            let codes = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_code_blocks")
            try env.write { txn in
                var first: ([UInt8], [UInt8])?
                try codes.scan(in: txn) { key, value in first = (key, value); return false }
                var (key, block) = try #require(first)
                block[4 + 10] = block[4 + 10] &+ 1
                try codes.put(key, block, in: txn)
            }
        }
        let report = try Store.open(at: path, readOnly: true).check()
        #expect(!report.isConsistent)
        #expect(report.problems.contains { $0.contains("int8 codes differ from their vectors (first: node 0") }, "\(report.problems)")
    }

    @Test func anUnknownSpaceIsNamedWithTheOnesThereAre() throws {
        let directory = TemporaryDirectory("quantization-space")
        let files = try Self.site(directory)
        let store = try Store.create(at: directory.file("store"))
        _ = try store.importFile(ImportRequest(path: files[0]))
        #expect {
            try store.setVectorQuantization(.int8, space: "defualt")
        } throws: { error in
            "\(error)".contains("no embedding space \"defualt\"") && "\(error)".contains("default")
        }
    }
}
