// Nearest segments by embedding, filtered. Filters are applied during the HNSW walk (a
// node only counts toward k when its segment passes); when the filter leaves few
// segments, an exact scan over them is cheaper and exact, so the search switches to it.
internal import LMDB
internal import VectorIndex

/// How a similarity search ran, for the curious and for benchmarks.
public enum SimilarMethod: String, Sendable {
    /// The approximate HNSW index answered.
    case hnsw
    /// An exact scan of the admitted segments answered.
    case exact
}

extension Snapshot {
    /// Below this many admitted segments the search scans them exactly (see RESULTS.md).
    public static let exactScanMax = 2_000

    /// The `k` segments whose embedding in `space` is most similar to `query`, among
    /// `admitted` (all when nil), best first (ties by id), with cosine distances.
    /// - Throws: `.notFound` for an unknown space, `.invalidArgument` for a vector of the
    ///   wrong dimension.
    public func nearest(to query: [Float], space name: String, k: Int, admitted: Set<SegmentID>?,
                        expansionSearch: Int? = nil) throws -> (scored: [(SegmentID, Float)], method: SimilarMethod) {
        guard let space = try embeddingSpace(named: name) else {
            throw StoreError(.notFound, "no embedding space \"\(name)\"", parameter: "space")
        }
        guard query.count == space.dimension else {
            throw StoreError(.invalidArgument, "query vector has dimension \(query.count), space \"\(name)\" has \(space.dimension)", parameter: "vector")
        }
        guard query.allSatisfy(\.isFinite), query.contains(where: { $0 != 0 }) else {
            throw StoreError(.invalidArgument, "query vector must be finite and not all zeros", parameter: "vector")
        }
        var normalised = query
        normalised.withUnsafeMutableBufferPointer { normalise($0) }
        if let admitted, admitted.count <= Self.exactScanMax {
            return (try exactScan(normalised, space: space, candidates: admitted.sorted(), k: k), .exact)
        }
        return (try hnswSearch(normalised, space: space, k: k, admitted: admitted, ef: expansionSearch), .hnsw)
    }

    private func exactScan(_ query: [Float], space: EmbeddingSpace, candidates: [SegmentID], k: Int) throws -> [(SegmentID, Float)] {
        var scored: [(SegmentID, Float)] = []
        for id in candidates {
            guard var vector = try self.vector(of: id, spaceID: space.id), vector.contains(where: { $0 != 0 }) else { continue }
            vector.withUnsafeMutableBufferPointer { normalise($0) }
            let distance = query.withUnsafeBufferPointer { q in vector.withUnsafeBufferPointer { cosineDistanceNormalised(q, $0) } }
            scored.append((id, distance))
        }
        return Array(scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(k))
    }

    private func hnswSearch(_ query: [Float], space: EmbeddingSpace, k: Int, admitted: Set<SegmentID>?, ef: Int?) throws -> [(SegmentID, Float)] {
        guard let header = try hnswHeader(space: space.id), header.nodeCount > 0 else { return [] }
        // No node cache on the read path: for one query, dictionary inserts and a vector
        // copy per node cost more than repeated lookups in the map (measured: 2x slower).
        let storage = LMDBHNSWStorage(tables: tables, txn: txn, space: space.id, header: header,
                                      upperLists: try hnswUpperLists(space: space.id, header: header))
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        var results: [SearchResult]
        let expansion = max(ef ?? header.expansionSearch, k)
        // A walk on codes keeps all ef candidates it ends with for the re-ranking on floats.
        let kept = storage.walksOnCodes ? expansion : k
        if let admitted {
            results = index.search(query, k: kept, expansionSearch: storage.walksOnCodes ? kept : nil,
                                   where: { admitted.contains(storage.segment(of: $0)) })
        } else {
            results = index.search(query, k: kept, expansionSearch: expansion)
        }
        if storage.walksOnCodes { results = Self.rerank(results, query: query, k: k, storage: storage) }
        let scored = results.map { (storage.segment(of: $0.id), $0.distance) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        if let failure = storage.failure { throw StoreError.translating(failure) }
        return scored
    }

    /// The `k` nearest of a walk's candidates by their float vectors (exact cosine distances).
    private static func rerank<T: ReadableTransaction>(_ candidates: [SearchResult], query: [Float], k: Int,
                                                       storage: LMDBHNSWStorage<T>) -> [SearchResult] {
        let exact = query.withUnsafeBufferPointer { q in
            candidates.map { candidate in
                SearchResult(id: candidate.id, distance: storage.withVector(of: candidate.id) { cosineDistanceNormalised(q, $0) })
            }
        }
        return Array(exact.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(k))
    }

    /// How each space's searches walk its graph, by space name.
    func vectorQuantizations() throws -> [String: VectorQuantization] {
        try Dictionary(uniqueKeysWithValues: embeddingSpaces().map { space in
            (space.name, try hnswHeader(space: space.id)?.quantization.flatMap(VectorQuantization.init(rawValue:)) ?? .none)
        })
    }

    /// The space's index header, decoded once per store generation.
    func hnswHeader(space: UInt32) throws -> HNSWHeader? {
        try store.hnswHeaderCache.entry(space, generation: generation) { try tables.hnswMeta.get(space, in: txn)?.value }
    }
}
