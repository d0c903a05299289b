// A named database with typed keys and values. Opened once at start-up; the handle
// stays valid for the life of the environment.
internal import CLMDB

/// Flags for opening a table.
package struct TableFlags: OptionSet, Sendable {
    package let rawValue: UInt32
    package init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Several sorted values per key (`MDB_DUPSORT`).
    package static let duplicateSort = TableFlags(rawValue: UInt32(MDB_DUPSORT))
    /// With `duplicateSort`: all values of a key have the same size (`MDB_DUPFIXED`).
    package static let duplicateFixed = TableFlags(rawValue: UInt32(MDB_DUPFIXED))
}

/// A typed handle on one named database.
package struct Table<Key: LMDBCodable, Value: LMDBCodable>: Sendable {
    let dbi: MDB_dbi
    package let name: String

    /// Opens (creating when writable) the named database `name`.
    /// - Throws: `LMDBError` (`notFound` when read-only and the table does not exist).
    package init(environment: Environment, name: String, flags: TableFlags = []) throws {
        // Open through a read transaction when the table exists, so that opening a store
        // never waits for another process's write transaction; create it only if missing.
        var dbi = MDB_dbi()
        let existing: MDB_dbi? = try environment.read { txn in
            var dbi = MDB_dbi()
            let rc = mdb_dbi_open(txn.unsafeHandle, name, flags.rawValue, &dbi)
            if rc == MDB_NOTFOUND && !environment.isReadOnly { return nil }
            try check(rc, "mdb_dbi_open(\(name))")
            return dbi
        }
        if let existing {
            dbi = existing
        } else {
            dbi = try environment.write { txn in
                var dbi = MDB_dbi()
                let openFlags = flags.rawValue | UInt32(MDB_CREATE)
                try check(mdb_dbi_open(txn.unsafeHandle, name, openFlags, &dbi), "mdb_dbi_open(\(name))")
                return dbi
            }
        }
        self.dbi = dbi
        self.name = name
    }

    /// The value for `key`, decoded (copied out of the map), or `nil`.
    package func get<T: ReadableTransaction & ~Copyable>(_ key: Key, in txn: borrowing T) throws -> Value? {
        try withValue(key, in: txn) { bytes in
            do { return try Value(decoding: bytes) } catch let error as RecordDecodingError { throw located(error, key: key.withEncodedBytes { Array($0) }) }
        }
    }

    /// `error` with this table's name and the key, so a damaged record is reported where it lies.
    func located(_ error: RecordDecodingError, key: [UInt8]) -> RecordDecodingError {
        var located = error
        located.table = name
        located.keyHex = key.prefix(32).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        return located
    }

    /// Calls `body` with the stored bytes for `key` (valid only during the call), or returns `nil`.
    package func withValue<T: ReadableTransaction & ~Copyable, R>(
        _ key: Key, in txn: borrowing T, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        let handle = txn.unsafeHandle
        return try key.withEncodedBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            var v = MDB_val()
            let rc = mdb_get(handle, dbi, &k, &v)
            if rc == MDB_NOTFOUND { return nil }
            try check(rc, "mdb_get(\(name))")
            return try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
        }
    }

    /// Like `withValue(_:in:_:)` with the key's bytes given directly, so hot paths can
    /// build fixed-width keys on the stack instead of allocating them.
    package func withValue<T: ReadableTransaction & ~Copyable, R>(
        rawKey: UnsafeRawBufferPointer, in txn: borrowing T, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R? {
        var k = MDB_val(mv_size: rawKey.count, mv_data: UnsafeMutableRawPointer(mutating: rawKey.baseAddress))
        var v = MDB_val()
        let rc = mdb_get(txn.unsafeHandle, dbi, &k, &v)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_get(\(name))")
        return try body(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    package func contains<T: ReadableTransaction & ~Copyable>(_ key: Key, in txn: borrowing T) throws -> Bool {
        try withValue(key, in: txn) { _ in true } ?? false
    }

    /// Stores `value` under `key`, replacing any value (or adding a duplicate in a
    /// `duplicateSort` table). With `noOverwrite`, returns `false` if the key exists.
    @discardableResult
    package func put<T: WritableTransaction & ~Copyable>(
        _ key: Key, _ value: Value, in txn: borrowing T, noOverwrite: Bool = false
    ) throws -> Bool {
        let handle = txn.unsafeHandle
        let env = txn.environment
        return try key.withEncodedBytes { keyBytes in
            try value.withEncodedBytes { valueBytes in
                var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
                var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                let rc = mdb_put(handle, dbi, &k, &v, noOverwrite ? UInt32(MDB_NOOVERWRITE) : 0)
                if rc == MDB_KEYEXIST && noOverwrite { return false }
                if rc == MDB_MAP_FULL { env.mapFullSeen.store(true) }
                try check(rc, "mdb_put(\(name))")
                return true
            }
        }
    }

    /// Deletes `key` (all its values in a `duplicateSort` table, or only `value` when given).
    /// - Returns: `false` when there was nothing to delete.
    @discardableResult
    package func delete<T: WritableTransaction & ~Copyable>(
        _ key: Key, value: Value? = nil, in txn: borrowing T
    ) throws -> Bool {
        let handle = txn.unsafeHandle
        return try key.withEncodedBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            let rc: Int32
            if let value {
                rc = value.withEncodedBytes { valueBytes in
                    var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                    return mdb_del(handle, dbi, &k, &v)
                }
            } else {
                rc = mdb_del(handle, dbi, &k, nil)
            }
            if rc == MDB_NOTFOUND { return false }
            try check(rc, "mdb_del(\(name))")
            return true
        }
    }

    /// Number of entries (all duplicates counted).
    package func count<T: ReadableTransaction & ~Copyable>(in txn: borrowing T) throws -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(txn.unsafeHandle, dbi, &stat), "mdb_stat(\(name))")
        return stat.ms_entries
    }

    /// Deletes every entry, keeping the table.
    package func removeAll<T: WritableTransaction & ~Copyable>(in txn: borrowing T) throws {
        try check(mdb_drop(txn.unsafeHandle, dbi, 0), "mdb_drop(\(name))")
    }
}
