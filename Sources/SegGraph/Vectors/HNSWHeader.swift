// Per-space HNSW graph header, stored in `hnsw_meta`.
internal import VectorIndex

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

    /// Level-0 neighbour lists per block of `hnsw_link_blocks` (read in place like vectors);
    /// nil for an index whose level-0 lists are records of `hnsw_links`, converted by its
    /// first write like the vectors.
    var listsPerBlock: Int?

    /// How searches measure distance while they walk the graph: nil on the float vectors;
    /// `int8` on int8 codes (`hnsw_code_blocks`, `codesPerBlock` a block), the results then
    /// re-ranked on the floats. Inserts always use the floats, so the graph is the same
    /// either way. Set by `Store.setVectorQuantization`.
    var quantization: String?
    var codesPerBlock: Int?

    /// Bytes of one level-0 list slot: a u32 count, then room for `2M` u32 ids.
    static func listSlotBytes(connectivity: Int) -> Int { 4 * (1 + 2 * connectivity) }

    /// Level-0 lists per block: about 1 MiB a block.
    static func listsPerBlock(connectivity: Int) -> Int { max(1, (1 << 20) / listSlotBytes(connectivity: connectivity)) }

    /// Vectors per block for `dimension`: about 1 MiB a block, so a search looks up a few
    /// dozen blocks instead of one record per visited node, and an import rewrites at most
    /// one partly filled block.
    /// Codes per block for `dimension`: about 1 MiB a block, like the vectors.
    static func codesPerBlock(dimension: Int) -> Int { max(1, (1 << 20) / Int8Codes.slotBytes(dimension: dimension)) }

    static func vectorsPerBlock(dimension: Int) -> Int { max(1, (1 << 20) / max(1, dimension * 4)) }
}
