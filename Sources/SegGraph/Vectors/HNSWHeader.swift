// Per-space HNSW graph header, stored in `hnsw_meta`.

struct HNSWHeader: Codable, Sendable, Equatable {
    var dimension: Int
    /// `cosine` (vectors normalised on the way in), `l2` or `inner_product`.
    var metric: String
    /// M; level 0 holds up to 2M neighbours.
    var connectivity: Int
    /// efConstruction.
    var expansionAdd: Int
    /// Default ef for searches.
    var expansionSearch: Int
    var seed: UInt64
    var nodeCount: Int
    var deletedCount: Int
    var entryNode: UInt32?
    var entryLevel: Int?
    /// Vectors per block of `hnsw_vector_blocks` (the blocked layout, read in place); nil for
    /// an index written before it, whose vectors sit in each node's `hnsw_nodes` record. The
    /// first write to such an index converts it (`Store.writableHNSWHeader`).
    var vectorsPerBlock: Int?

    /// Vectors per block for `dimension`: about 1 MiB a block, so a search looks up a few
    /// dozen blocks instead of one record per visited node, and an import rewrites at most
    /// one partly filled block.
    static func vectorsPerBlock(dimension: Int) -> Int { max(1, (1 << 20) / max(1, dimension * 4)) }
}
