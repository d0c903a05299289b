// Goal: an import on two cores (vectors inserted into the HNSW index on a second thread while
// the linker runs) stores exactly what an import on one core stores, and falls back to one
// core where the index is not the committed one (a `--replace` that removed vectors).
// Method: the same simulated site imported file by file into two stores, one with
// `indexesConcurrently` false and one with true; the index tables, vectors, segments and edge
// properties are compared key by key and byte by byte, `check` passes on both, and similar
// answers agree. Then the same file is re-imported with `replace` into both (one-core path
// inside the two-core request) and compared again.
import Foundation
import LMDB
@testable import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite(.serialized) struct ConcurrentIndexingTests {
    static let comparedTables = ["hnsw_meta", "hnsw_nodes", "hnsw_links", "hnsw_link_blocks", "hnsw_vector_blocks",
                                 "hnsw_segments", "vectors", "segments", "edge_properties", "time_index"]

    @Test func twoCoresStoreWhatOneCoreStores() throws {
        let directory = TemporaryDirectory("concurrent-indexing")
        let site = directory.file("site")
        _ = try SiteSimulator(SimulationParameters(cameras: 3, people: 60, hours: 0.1, framesPerSecond: 2,
                                                   embeddingDimension: 64, seed: 31)).write(to: site)
        let files = (0..<3).map { site + "/cam_0\($0).json" }
        let onePath = directory.file("one"), twoPath = directory.file("two")
        let one = try Store.create(at: onePath), two = try Store.create(at: twoPath)
        for file in files {
            var sequential = ImportRequest(path: file)
            sequential.indexesConcurrently = false
            _ = try one.importFile(sequential)
            _ = try two.importFile(ImportRequest(path: file))
        }
        #expect(one.importsIndexedConcurrently == 0)
        #expect(two.importsIndexedConcurrently == 3, "every import, the first into an empty index too, used the second core")
        #expect(try one.check().isConsistent)
        #expect(try two.check().isConsistent)
        #expect(try Self.dump(onePath) == (try Self.dump(twoPath)))
        #expect(try Self.dump(onePath)["hnsw_nodes"]!.count > 100, "the site has vectors to index")
        #expect(try Self.similar(one) == (try Self.similar(two)))

        // A replace removes vectors first: that import indexes on one core, with the same result.
        for store in [one, two] { _ = try store.importFile(ImportRequest(path: files[1], replace: true)) }
        #expect(two.importsIndexedConcurrently == 3, "the replacing import stayed on one core")
        #expect(try two.check().isConsistent)
        #expect(try Self.dump(onePath) == (try Self.dump(twoPath)))
    }

    /// Every compared table as key → value, both as hex.
    static func dump(_ path: String) throws -> [String: [String: String]] {
        var options = EnvironmentOptions()
        options.readOnly = true
        let env = try Environment(path: path, options: options)
        var tables: [String: [String: String]] = [:]
        for name in comparedTables {
            let table = try Table<[UInt8], [UInt8]>(environment: env, name: name)
            var rows: [String: String] = [:]
            try env.read { txn in
                try table.scan(in: txn) { key, value in
                    rows[key.map { String(format: "%02x", $0) }.joined()] = value.map { String(format: "%02x", $0) }.joined()
                    return true
                }
            }
            tables[name] = rows
        }
        return tables
    }

    static func similar(_ store: Store) throws -> [String] {
        var filter = SegmentFilter()
        filter.labels = ["person"]
        filter.limit = 40
        return try store.run(SegmentsQuery(filter: filter)).hits.map(\.name).map { seed in
            try store.run(SimilarQuery(seed: .segment(seed), k: 5)).hits.map { "\($0.hit.name)@\($0.similarity)" }.joined(separator: " ")
        }
    }
}
