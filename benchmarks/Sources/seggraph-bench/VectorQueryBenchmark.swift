// Vector search on the persisted HNSW index, timed one query at a time, one thread:
// `SimilarQuery(seed: .vector(q), space:, k:, expansionSearch: ef)` run by `Store.run` (one
// snapshot per query) for each ef over the same query set (float32 .npy, one row per
// query), QPS = queries / total wall time of the timed pass, latency percentiles from
// clock_gettime(CLOCK_MONOTONIC) per call, recall@k against a truth file (int64 .npy, rows
// of internal segment ids, best first).
// `dump-vectors` writes every stored vector of a space with its internal segment id, so a
// peer (benchmarks/peers/site_vectors.py) builds its index from exactly the same vectors.
import Foundation
import SegGraph

struct VectorQueryOptions {
    var storePath = ""
    var queriesPath = ""
    var truthPath: String?
    var k = 10
    var efs = [16, 32, 64, 96, 128, 256]
    var space = "default"
}

struct VectorQueryRow {
    var ef: Int
    var qps: Double
    var p50Micros: Double
    var p99Micros: Double
    var recall: Double?
    var methods: String
}

struct VectorQueryBenchmark {
    let options: VectorQueryOptions

    func run() throws -> [VectorQueryRow] {
        let store = try Store.open(at: options.storePath, readOnly: true)
        let queries = try NpyArray.read(options.queriesPath)
        guard case .float32(let qv) = queries.values, queries.shape.count == 2 else {
            throw BenchError("\(options.queriesPath): want a 2-d float32 array")
        }
        let (n, dim) = (queries.shape[0], queries.shape[1])
        let rows = (0..<n).map { Array(qv[($0 * dim)..<($0 * dim + dim)]) }
        var truth: [[Int64]]?
        if let truthPath = options.truthPath {
            let t = try NpyArray.read(truthPath)
            guard case .int64(let tv) = t.values, t.shape.count == 2, t.shape[0] == n, t.shape[1] >= options.k else {
                throw BenchError("\(truthPath): want an int64 array of \(n) rows × ≥\(options.k)")
            }
            let w = t.shape[1]
            truth = (0..<n).map { Array(tv[($0 * w)..<($0 * w + options.k)]) }
        }
        // Warm-up: one untimed pass at the largest ef (page cache, allocator).
        for q in rows { _ = try store.run(query(q, ef: options.efs.max())) }
        var result: [VectorQueryRow] = []
        for ef in options.efs {
            var latencies: [Int64] = []
            latencies.reserveCapacity(n)
            var found = 0
            var methods: [String: Int] = [:]
            let start = monotonicNanoseconds()
            for (i, q) in rows.enumerated() {
                let t0 = monotonicNanoseconds()
                let answer = try store.run(query(q, ef: ef))
                let (hits, method) = (answer.hits, answer.method)
                latencies.append(monotonicNanoseconds() - t0)
                methods[method.rawValue, default: 0] += 1
                if let truth {
                    let want = Set(truth[i])
                    found += hits.filter { want.contains(Int64($0.hit.segment.id.rawValue)) }.count
                }
            }
            let total = Double(monotonicNanoseconds() - start) / 1e9
            latencies.sort()
            func pct(_ p: Double) -> Double { Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1e3 }
            result.append(VectorQueryRow(ef: ef, qps: Double(n) / total, p50Micros: pct(0.5), p99Micros: pct(0.99),
                                         recall: truth == nil ? nil : Double(found) / Double(n * options.k),
                                         methods: methods.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))
        }
        return result
    }

    /// Unfiltered, so the search walks the HNSW index with breadth `ef`.
    private func query(_ vector: [Float], ef: Int?) -> SimilarQuery {
        SimilarQuery(seed: .vector(vector), space: options.space, k: options.k, expansionSearch: ef)
    }

    static func table(_ rows: [VectorQueryRow], queries: Int? = nil) -> String {
        var text = "| ef | QPS | p50 µs | p99 µs | recall@k | method |\n|---:|---:|---:|---:|---:|---|\n"
        for r in rows {
            text += "| \(r.ef) | \(format(r.qps, 0)) | \(format(r.p50Micros, 0)) | \(format(r.p99Micros, 0)) | "
                + (r.recall.map { format($0, 4) } ?? "–") + " | \(r.methods) |\n"
        }
        return text
    }

    static func json(_ rows: [VectorQueryRow]) -> String {
        let items = rows.map { r in
            "{\"ef\":\(r.ef),\"qps\":\(format(r.qps, 1)),\"p50_us\":\(format(r.p50Micros, 1)),\"p99_us\":\(format(r.p99Micros, 1)),"
                + "\"recall\":\(r.recall.map { format($0, 5) } ?? "null"),\"methods\":\"\(r.methods)\"}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}

struct VectorDump {
    var storePath = ""
    var outPath = ""
    var idsPath = ""
    var space = "default"

    /// - Returns: (vectors written, dimension, segments without a vector or with an all-zero one).
    func run() throws -> (count: Int, dimension: Int, skipped: Int) {
        let store = try Store.open(at: storePath, readOnly: true)
        var filter = SegmentFilter()
        filter.limit = Limits.queryResultsMax
        var values: [Float] = [], kept: [Int64] = [], dim = 0, skipped = 0
        try store.read { snapshot in
            let ids = try snapshot.segments(matching: filter).hits.map(\.segment.id).sorted { $0.rawValue < $1.rawValue }
            for id in ids {
                guard let v = try snapshot.embedding(of: id, space: space), v.contains(where: { $0 != 0 }) else { skipped += 1; continue }
                if dim == 0 { dim = v.count }
                guard v.count == dim else { throw BenchError("segment \(id.rawValue): dimension \(v.count) != \(dim)") }
                values += v
                kept.append(Int64(id.rawValue))
            }
        }
        try NpyArray(shape: [kept.count, dim], values: .float32(values)).write(outPath)
        try NpyArray(shape: [kept.count], values: .int64(kept)).write(idsPath)
        return (kept.count, dim, skipped)
    }
}

/// Minimal .npy (format 1.0/2.0, little-endian, C order) for '<f4' and '<i8'.
struct NpyArray {
    enum Values { case float32([Float]), int64([Int64]) }
    var shape: [Int]
    var values: Values

    static func read(_ path: String) throws -> NpyArray {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        guard bytes.count > 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else { throw BenchError("\(path): not a .npy file") }
        let major = bytes[6]
        let headerLength: Int, offset: Int
        if major == 1 { headerLength = Int(bytes[8]) | Int(bytes[9]) << 8; offset = 10 }
        else { headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24; offset = 12 }
        let header = String(decoding: bytes[offset..<(offset + headerLength)], as: UTF8.self)
        guard !header.contains("'fortran_order': True") else { throw BenchError("\(path): Fortran order unsupported") }
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw BenchError("\(path): no shape in header")
        }
        let shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let count = shape.reduce(1, *)
        let body = offset + headerLength
        if header.contains("'<f4'") {
            guard bytes.count >= body + count * 4 else { throw BenchError("\(path): truncated") }
            let v = bytes.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: body + $0 * 4, as: Float.self) } }
            return NpyArray(shape: shape, values: .float32(v))
        }
        if header.contains("'<i8'") {
            guard bytes.count >= body + count * 8 else { throw BenchError("\(path): truncated") }
            let v = bytes.withUnsafeBytes { raw in (0..<count).map { raw.loadUnaligned(fromByteOffset: body + $0 * 8, as: Int64.self) } }
            return NpyArray(shape: shape, values: .int64(v))
        }
        throw BenchError("\(path): only '<f4' and '<i8' are supported (header \(header))")
    }

    func write(_ path: String) throws {
        let descr: String
        var body = Data()
        switch values {
        case .float32(let v): descr = "<f4"; v.withUnsafeBytes { body.append(contentsOf: $0) }
        case .int64(let v): descr = "<i8"; v.withUnsafeBytes { body.append(contentsOf: $0) }
        }
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var out = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        out.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        out.append(contentsOf: Array(header.utf8))
        out.append(body)
        try out.write(to: URL(fileURLWithPath: path))
    }
}
