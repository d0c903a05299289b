// Ordered scans with a cursor. The visitor sees raw bytes valid only during the call
// and returns whether to go on; the cursor never escapes.
internal import CLMDB
internal import Glibc

extension Table {
    /// Visits entries with `lower <= key < upper` in key order (all duplicates of a key,
    /// in value order). `nil` bounds are open.
    /// - Complexity: O(log n + m) for m visited entries.
    package func scanRaw<T: ReadableTransaction & ~Copyable>(
        in txn: borrowing T, from lower: [UInt8]? = nil, to upper: [UInt8]? = nil,
        _ visit: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn.unsafeHandle, dbi, &cursor), "mdb_cursor_open(\(name))")
        defer { mdb_cursor_close(cursor) }
        var k = MDB_val()
        var v = MDB_val()
        var rc: Int32
        if let lower {
            rc = lower.withUnsafeBytes { bytes in
                k = MDB_val(mv_size: bytes.count, mv_data: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                return mdb_cursor_get(cursor, &k, &v, MDB_SET_RANGE)
            }
        } else {
            rc = mdb_cursor_get(cursor, &k, &v, MDB_FIRST)
        }
        while rc == 0 {
            let key = UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size)
            if let upper, compareBytes(key, upper) >= 0 { return }
            let value = UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)
            guard try visit(key, value) else { return }
            rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT)
        }
        if rc != MDB_NOTFOUND { try check(rc, "mdb_cursor_get(\(name))") }
    }

    /// Visits decoded entries with `lower <= key < upper`.
    package func scan<T: ReadableTransaction & ~Copyable>(
        in txn: borrowing T, from lower: Key? = nil, to upper: Key? = nil,
        _ visit: (Key, Value) throws -> Bool
    ) throws {
        let lowerBytes = lower.map { $0.withEncodedBytes { Array($0) } }
        let upperBytes = upper.map { $0.withEncodedBytes { Array($0) } }
        try scanRaw(in: txn, from: lowerBytes, to: upperBytes) { key, value in
            let decodedKey: Key
            let decodedValue: Value
            do {
                decodedKey = try Key(decoding: key)
                decodedValue = try Value(decoding: value)
            } catch let error as RecordDecodingError { throw located(error, key: Array(key)) }
            return try visit(decodedKey, decodedValue)
        }
    }

    /// Visits every value stored under `key` in a `duplicateSort` table, in value order.
    package func scanDuplicates<T: ReadableTransaction & ~Copyable>(
        of key: Key, in txn: borrowing T, _ visit: (UnsafeRawBufferPointer) throws -> Bool
    ) throws {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(txn.unsafeHandle, dbi, &cursor), "mdb_cursor_open(\(name))")
        defer { mdb_cursor_close(cursor) }
        try key.withEncodedBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            var v = MDB_val()
            var rc = mdb_cursor_get(cursor, &k, &v, MDB_SET_KEY)
            while rc == 0 {
                guard try visit(UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)) else { return }
                rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT_DUP)
            }
            if rc != MDB_NOTFOUND { try check(rc, "mdb_cursor_get(\(name))") }
        }
    }
}

/// memcmp order, shorter first on a common prefix: LMDB's default key order.
@inline(__always)
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
    b.withUnsafeBytes { b in
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }
}
