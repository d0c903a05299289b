// Goal: vectors in blocks (read in place) give the same answers as vectors in node records,
// an index written before blocks is still read correctly and is converted by its first write,
// and `check` holds throughout. Method: 4096-d embeddings (64 vectors a block, so a small site
// spans several blocks); a store is built, its index rewritten by hand into the older layout
// (vectors back in `hnsw_nodes`, level-0 lists back in `hnsw_links`, no blocks, neither
// `vectorsPerBlock` nor `listsPerBlock` in the header), answers
// compared before and after, then one more import converts it, compared with a store that
// was built with blocks from the start.
import Foundation
import LMDB
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite(.serialized) struct VectorBlocksTests {
    static let dimension = 4096

    @Test func olderLayoutIsReadThenConvertedWithTheSameAnswers() throws {
        let directory = TemporaryDirectory("vector-blocks")
        let site = directory.file("site")
        _ = try SiteSimulator(SimulationParameters(cameras: 3, people: 40, hours: 0.1, framesPerSecond: 2,
                                                   embeddingDimension: Self.dimension, seed: 17)).write(to: site)
        let files = (0..<3).map { site + "/cam_0\($0).json" }

        // The reference: every file imported with blocks from the start.
        let reference = try Store.create(at: directory.file("reference"))
        for file in files { _ = try reference.importFile(ImportRequest(path: file)) }
        let seeds = try Self.seeds(reference)
        #expect(seeds.count >= 5)
        let expected = try Self.answers(reference, seeds)

        // Two files with blocks, then the index rewritten into the older layout.
        let path = directory.file("older")
        do {
            let store = try Store.create(at: path)
            for file in files.prefix(2) { _ = try store.importFile(ImportRequest(path: file)) }
        }
        let blocksBefore = try Self.olderLayout(path)
        #expect(blocksBefore >= 2, "the index spans several blocks (\(blocksBefore))")

        // Read as it is (read-only: no conversion), it answers as a store with blocks does.
        let twoFiles = try Store.create(at: directory.file("two"))
        for file in files.prefix(2) { _ = try twoFiles.importFile(ImportRequest(path: file)) }
        let readOnly = try Store.open(at: path, readOnly: true)
        #expect(try Self.answers(readOnly, seeds) == (try Self.answers(twoFiles, seeds)))
        #expect(try readOnly.check().isConsistent)

        // The next import converts the index; afterwards it is the reference store's.
        let store = try Store.open(at: path)
        _ = try store.importFile(ImportRequest(path: files[2]))
        #expect(try store.check().isConsistent)
        #expect(try Self.answers(store, seeds) == expected)
        #expect(try Self.blockCount(path) >= blocksBefore)
    }

    /// A few person segments of the first two cameras (in every store built here).
    static func seeds(_ store: Store) throws -> [String] {
        var filter = SegmentFilter()
        filter.labels = ["person"]
        filter.sources = ["cam_00", "cam_01"]
        filter.limit = 200
        return try store.run(SegmentsQuery(filter: filter)).hits.map(\.name).enumerated().filter { $0.offset % 7 == 0 }.map(\.element)
    }

    /// Each seed's 10 nearest (names and similarities, 4 decimals) at two search breadths.
    static func answers(_ store: Store, _ seeds: [String]) throws -> [String] {
        try seeds.flatMap { seed in
            try [16, 96].map { ef in
                try store.run(SimilarQuery(seed: .segment(seed), k: 10, expansionSearch: ef)).hits
                    .map { "\($0.hit.name)@\(String(format: "%.4f", $0.similarity))" }.joined(separator: " ")
            }
        }
    }

    static func blockCount(_ path: String) throws -> Int {
        let env = try Environment(path: path)
        let blocks = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_vector_blocks")
        return try env.read { txn in try blocks.count(in: txn) }
    }

    /// Rewrites every space's index as an older store wrote it; returns the blocks it had.
    static func olderLayout(_ path: String) throws -> Int {
        let env = try Environment(path: path)
        let meta = try Table<UInt32, [UInt8]>(environment: env, name: "hnsw_meta")
        let nodes = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_nodes")
        let blocks = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_vector_blocks")
        let links = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_links")
        let listBlocks = try Table<[UInt8], [UInt8]>(environment: env, name: "hnsw_link_blocks")
        return try env.write { txn in
            var headers: [(UInt32, [String: Any])] = []
            try meta.scan(in: txn) { space, record in
                headers.append((space, try JSONSerialization.jsonObject(with: Data(record.dropFirst())) as! [String: Any]))
                return true
            }
            let blockCount = try blocks.count(in: txn)
            for (space, var header) in headers {
                let perBlock = header["vectorsPerBlock"] as! Int
                let dimension = header["dimension"] as! Int
                let nodeCount = header["nodeCount"] as! Int
                for node in 0..<nodeCount {
                    let key = withUnsafeBytes(of: (space.bigEndian, UInt32(node).bigEndian)) { Array($0) }
                    let blockKey = withUnsafeBytes(of: (space.bigEndian, UInt32(node / perBlock).bigEndian)) { Array($0) }
                    let block = try #require(try blocks.get(blockKey, in: txn))
                    let slot = (node % perBlock) * dimension * 4
                    let record = try #require(try nodes.get(key, in: txn))
                    try nodes.put(key, Array(record.prefix(12)) + block[slot..<slot + dimension * 4], in: txn)
                }
                // Level-0 lists back into hnsw_links records.
                let listsPerBlock = header["listsPerBlock"] as! Int
                let slot = 4 * (1 + 2 * (header["connectivity"] as! Int))
                for node in 0..<nodeCount {
                    let blockKey = withUnsafeBytes(of: (space.bigEndian, UInt32(node / listsPerBlock).bigEndian)) { Array($0) }
                    let block = try #require(try listBlocks.get(blockKey, in: txn))
                    let offset = (node % listsPerBlock) * slot
                    let count = block[offset..<offset + 4].withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
                    let key = withUnsafeBytes(of: (space.bigEndian, UInt32(node).bigEndian, UInt8(0))) { Array($0.prefix(9)) }
                    try links.put(key, Array(block[offset + 4..<offset + 4 + count * 4]), in: txn)
                }
                header.removeValue(forKey: "listsPerBlock")
                header.removeValue(forKey: "vectorsPerBlock")
                let json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
                try meta.put(space, [1] + Array(json), in: txn)
            }
            try blocks.removeAll(in: txn)
            try listBlocks.removeAll(in: txn)
            return blockCount
        }
    }
}
