// An import's new vectors for one space, between reading them (in the write transaction) and
// inserting them into the space's HNSW index, which may happen on another core.

struct PendingVectorInserts {
    let space: EmbeddingSpace
    /// The index header the inserts start from (an older layout already converted).
    let header: HNSWHeader
    /// The write cache the inserts fill and the flush empties.
    let context: WriteContext
    /// (segment, vector) in insertion order; zero vectors left out.
    let vectors: [(SegmentID, [Float])]
    /// Whether the index this transaction sees is the committed one: nothing converted it and
    /// nothing removed from it in this transaction. Only then may the inserts read a read
    /// transaction instead of the write transaction (they would see the same bytes).
    let readsAsCommitted: Bool
}
