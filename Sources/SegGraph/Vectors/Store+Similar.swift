// `similar`: k nearest segments by embedding, filtered by the usual segment filters.
// Filters are applied during the HNSW walk (a node only counts toward k when its segment
// passes); when the filter leaves few segments, an exact scan over them is cheaper and
// exact, so the search switches to it.
internal import Foundation
internal import LMDB
internal import VectorIndex

/// A segment found by similarity.
public struct SimilarHit: Sendable {
    public var hit: SegmentHit
    /// Cosine similarity in [-1, 1].
    public var similarity: Double
}

/// How a similarity search ran, for the curious and for benchmarks.
public enum SimilarMethod: String, Sendable {
    case hnsw
    case exact
}

extension Store {
    /// Below this many admitted segments the search scans them exactly (see RESULTS.md).
    public static let exactScanMax = 2_000

    /// The `k` segments whose embedding in `space` is most similar to `query`, among
    /// those admitted by `filter` (all when nil), best first (ties by id).
    /// - Throws: `StoreError.notFound` for an unknown space, `.invalidArgument` for a
    ///   vector of the wrong dimension or k outside 1...`Limits.similarKMax`.
    public func similar(to query: [Float], space name: String, k: Int, filter: SegmentFilter? = nil,
                        expansionSearch: Int? = nil) throws -> (hits: [SimilarHit], method: SimilarMethod) {
        guard (1...Limits.similarKMax).contains(k) else {
            throw StoreError(.invalidArgument, "-k must be in 1...\(Limits.similarKMax)")
        }
        var admitted: Set<SegmentID>?
        if var filter {
            filter.limit = Limits.queryResultsMax
            admitted = Set(try segments(matching: filter).map(\.segment.id))
        }
        return try readTransaction { txn in
            guard let space = try tables.spaces.get(name, in: txn)?.value else {
                throw StoreError(.notFound, "no embedding space \"\(name)\"")
            }
            guard query.count == space.dimension else {
                throw StoreError(.invalidArgument, "query vector has dimension \(query.count), space \"\(name)\" has \(space.dimension)")
            }
            var normalised = query
            normalised.withUnsafeMutableBufferPointer { normalise($0) }
            let scored: [(SegmentID, Float)]
            let method: SimilarMethod
            if let admitted, admitted.count <= Self.exactScanMax {
                scored = try exactScan(normalised, space: space, candidates: admitted.sorted(), k: k, in: txn)
                method = .exact
            } else {
                scored = try hnswSearch(normalised, space: space, k: k, admitted: admitted, ef: expansionSearch, in: txn)
                method = .hnsw
            }
            let sources = try sourcesByID(in: txn)
            let hits = try scored.compactMap { id, distance -> SimilarHit? in
                guard var segment = try tables.segments.get(id.rawValue, in: txn) else { return nil }
                segment.id = id
                return SimilarHit(hit: SegmentHit(segment: segment, source: sources[segment.sourceID.rawValue]!),
                                  similarity: Double(1 - distance))
            }
            return (hits, method)
        }
    }

    private func exactScan(_ query: [Float], space: EmbeddingSpace, candidates: [SegmentID], k: Int,
                           in txn: borrowing ReadTransaction) throws -> [(SegmentID, Float)] {
        var scored: [(SegmentID, Float)] = []
        for id in candidates {
            guard var vector = try storedVector(space: space.id, segment: id, in: txn), vector.contains(where: { $0 != 0 }) else { continue }
            vector.withUnsafeMutableBufferPointer { normalise($0) }
            let distance = query.withUnsafeBufferPointer { q in vector.withUnsafeBufferPointer { cosineDistanceNormalised(q, $0) } }
            scored.append((id, distance))
        }
        return Array(scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(k))
    }

    private func hnswSearch(_ query: [Float], space: EmbeddingSpace, k: Int, admitted: Set<SegmentID>?, ef: Int?,
                            in txn: borrowing ReadTransaction) throws -> [(SegmentID, Float)] {
        guard let header = try tables.hnswMeta.get(space.id, in: txn)?.value, header.nodeCount > 0 else { return [] }
        // No node cache on the read path: for one query, dictionary inserts and a vector
        // copy per node cost more than repeated lookups in the map (measured: 2x slower).
        let storage = LMDBHNSWStorage(tables: tables, txn: txn.unsafeReference(), space: space.id, header: header)
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        let results: [SearchResult]
        if let admitted {
            results = index.search(query, k: k, where: { admitted.contains(storage.segment(of: $0)) })
        } else {
            results = index.search(query, k: k, expansionSearch: max(ef ?? header.expansionSearch, k))
        }
        return results.map { (storage.segment(of: $0.id), $0.distance) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// The stored embedding of a segment, for `similar --segment`.
    public func embedding(of id: SegmentID, spaceName: String) throws -> [Float] {
        guard let vector = try embedding(of: id, space: spaceName) else {
            throw StoreError(.notFound, "segment \(id) has no embedding in space \"\(spaceName)\"")
        }
        return vector
    }
}
