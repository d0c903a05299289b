// Counters and small values in the `meta` table.
internal import LMDB

extension Store {
    /// Reads counter `key` (0 when absent).
    func counter<T: ReadableTransaction & ~Copyable>(_ key: String, in txn: borrowing T) throws -> UInt64 {
        try tables.meta.get(key, in: txn).map(decodeUInt64) ?? 0
    }

    /// Returns the next id from counter `key` (starting at 1) and advances it.
    func allocate<T: WritableTransaction & ~Copyable>(_ key: String, in txn: borrowing T) throws -> UInt64 {
        let next = try counter(key, in: txn) + 1
        try tables.meta.put(key, encode(next), in: txn)
        return next
    }

    func setCounter<T: WritableTransaction & ~Copyable>(_ key: String, _ value: UInt64, in txn: borrowing T) throws {
        try tables.meta.put(key, encode(value), in: txn)
    }

    /// Advances the generation: readers' caches, ETags and the catalog's stamp follow it.
    func advanceGeneration<T: WritableTransaction & ~Copyable>(in txn: borrowing T) throws {
        try setCounter(MetaKey.generation, try counter(MetaKey.generation, in: txn) + 1, in: txn)
    }

    /// A write that changes answers but no segment (configuration, zones, clocks, verdicts,
    /// relinked edges): `body` in one transaction that also advances the generation, then the
    /// catalog's stamp follows (none of its rows changed).
    func writeChangingAnswers<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        let result = try writeTransaction { txn in
            let result = try body(txn)
            try advanceGeneration(in: txn)
            return result
        }
        try syncCatalog()
        return result
    }

    /// The generation the catalog must match (see MetaKey.generation).
    func generation() throws -> UInt64 {
        try readTransaction { txn in try counter(MetaKey.generation, in: txn) }
    }

    /// The store's configuration (thresholds and defaults), as recorded in meta.
    func configuration() throws -> StoreConfiguration {
        try readTransaction { txn in try configuration(in: txn) }
    }

    func configuration<T: ReadableTransaction & ~Copyable>(in txn: borrowing T) throws -> StoreConfiguration {
        guard let bytes = try tables.meta.get(MetaKey.configuration, in: txn) else { return .defaults }
        return try StoreConfiguration(jsonText: String(decoding: bytes, as: UTF8.self))
    }
}
