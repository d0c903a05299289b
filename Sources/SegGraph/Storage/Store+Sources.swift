// Decoded sources, cached per store generation.
internal import LMDB

extension Store {
    /// Every source by id. Decoded sources are cached per store generation (every write
    /// that changes a source bumps it), so queries do not JSON-decode them each time.
    /// Write transactions pass `cached: false`: they may have changed sources before bumping.
    func sourcesByID<T: ReadableTransaction & ~Copyable>(in txn: borrowing T, cached: Bool = true,
                                                         generation known: UInt64? = nil) throws -> [UInt32: Source] {
        let generation = try known ?? counter(MetaKey.generation, in: txn)
        if cached, let hit = sourceCache.get(generation: generation) { return hit }
        var sources: [UInt32: Source] = [:]
        try tables.sources.scan(in: txn) { id, record in sources[id] = record.value; return true }
        if cached { sourceCache.set(sources, generation: generation) }
        return sources
    }

    /// The sources with a clock correction (usually none), cached per generation like the
    /// sources: every snapshot asks, so it must cost a lookup, not a pass over the sources.
    func correctedSources<T: ReadableTransaction & ~Copyable>(in txn: borrowing T, generation: UInt64) throws -> [UInt32: Source] {
        if let hit = correctedSourceCache.get(generation: generation) { return hit }
        let corrected = try sourcesByID(in: txn, generation: generation).filter { $0.value.clockCorrection != nil }
        correctedSourceCache.set(corrected, generation: generation)
        return corrected
    }
}

extension Store {
    /// Bytes of the map in use (pages up to the last written one).
    var mapUsedBytes: Int { environment.info().usedBytes }
}
