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
}
