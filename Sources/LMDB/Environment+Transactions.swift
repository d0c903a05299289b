// read { } and write { }: the only way to touch the store. Commit-or-abort is written
// once, here. A write that runs out of map space is aborted, the map is doubled and
// the closure runs again; so write closures must not have side effects outside the
// transaction that a second run would repeat.
internal import CLMDB
internal import Glibc

extension Environment {
    /// Runs `body` in a read-only snapshot.
    /// - Throws: `LMDBError` from `mdb_txn_begin`, or whatever `body` throws.
    package func read<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try withCurrentMapSize {
            try resizeLock.withShared {
                let txn = try ReadTransaction(environment: self)
                let result = try body(txn)
                try txn.finish()
                return result
            }
        }
    }

    /// Runs `body` in the write transaction and commits it. Any error aborts: nothing
    /// `body` wrote is kept. On `MDB_MAP_FULL` the map grows (up to
    /// `options.mapSizeMaxBytes`) and `body` runs again from the start.
    package func write<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        while true {
            mapFullSeen.store(false)
            do {
                return try withCurrentMapSize {
                    try resizeLock.withShared {
                        let txn = try WriteTransaction(environment: self)
                        let result: R
                        do { result = try body(txn) } catch {
                            txn.abort()
                            throw error
                        }
                        try txn.commit()
                        return result
                    }
                }
            } catch {
                let isMapFull = (error as? LMDBError)?.code == LMDBError.mapFull || mapFullSeen.load()
                guard isMapFull else { throw error }
                try growMap(reason: error)
            }
        }
    }

    /// Makes sure the map is at least `bytes` big, so a large write will not have to
    /// be retried. Call outside any transaction.
    /// Never past `options.mapSizeMaxBytes`: the cap is the store's size limit.
    package func reserve(mapSizeBytes wanted: Int) throws(LMDBError) {
        let bytes = min(wanted, options.mapSizeMaxBytes)
        guard bytes > info().mapSizeBytes else { return }
        try resizeLock.withExclusive { () throws(LMDBError) in
            try check(mdb_env_set_mapsize(handle, bytes), "mdb_env_set_mapsize(\(bytes))")
        }
    }

    private func growMap(reason: any Error) throws {
        let current = info().mapSizeBytes
        guard current < options.mapSizeMaxBytes else {
            throw LMDBError(code: LMDBError.mapFull, operation: "map at its \(current >= 1 << 20 ? "\(current >> 20) MiB" : "\(current >> 10) KiB") limit")
        }
        try reserve(mapSizeBytes: min(current * 2, options.mapSizeMaxBytes))
    }

    /// Another process may have grown the map: adopt its size and try again.
    private func withCurrentMapSize<R>(_ body: () throws -> R) throws -> R {
        do { return try body() } catch let error as LMDBError where error.code == LMDBError.mapResized {
            try resizeLock.withExclusive { () throws(LMDBError) in
                try check(mdb_env_set_mapsize(handle, 0), "mdb_env_set_mapsize(0)")
            }
            return try body()
        }
    }
}

/// A flag a `Table` sets when a put inside `write` fails with `MDB_MAP_FULL`, so the
/// retry happens even if the caller wrapped the error in one of its own.
final class AtomicFlag: @unchecked Sendable {
    private var value = false
    private let lock = ReadWriteLock()
    func store(_ newValue: Bool) { lock.withExclusive { value = newValue } }
    func load() -> Bool { lock.withShared { value } }
}
