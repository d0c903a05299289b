// Closure-scoped transactions. Both types are ~Copyable and handed to closures
// `borrowing`, so they cannot be stored or escape; `deinit` aborts as a backstop.
internal import CLMDB

/// Anything that can read: a read transaction or a write transaction.
package protocol ReadableTransaction: ~Copyable {
    /// The `MDB_txn*`. Valid only inside the closure the transaction was handed to.
    var unsafeHandle: OpaquePointer { get }
}

/// A transaction that may also write.
package protocol WritableTransaction: ReadableTransaction, ~Copyable {
    /// The environment, to record that a write ran out of map space.
    var environment: Environment { get }
}

/// A read-only snapshot (`MDB_RDONLY`). Never blocks and is never blocked by the writer.
package struct ReadTransaction: ReadableTransaction, ~Copyable {
    package let unsafeHandle: OpaquePointer

    init(environment: Environment) throws(LMDBError) {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &txn), "mdb_txn_begin(read)")
        unsafeHandle = txn!
    }

    /// Ends the snapshot. Committing a read transaction keeps databases opened in it.
    consuming func finish() throws(LMDBError) {
        let handle = unsafeHandle
        discard self
        try check(mdb_txn_commit(handle), "mdb_txn_commit(read)")
    }

    deinit { mdb_txn_abort(unsafeHandle) }
}

/// The single write transaction. Commits when its closure returns, aborts when it throws.
package struct WriteTransaction: WritableTransaction, ~Copyable {
    package let unsafeHandle: OpaquePointer
    // Unmanaged keeps the struct trivially destructible (needed for `discard self`);
    // the environment outlives the transaction because `write` holds it.
    private let unmanagedEnvironment: Unmanaged<Environment>
    package var environment: Environment { unmanagedEnvironment.takeUnretainedValue() }

    init(environment: Environment) throws(LMDBError) {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(environment.handle, nil, 0, &txn), "mdb_txn_begin(write)")
        self.unmanagedEnvironment = Unmanaged.passUnretained(environment)
        unsafeHandle = txn!
    }

    consuming func commit() throws(LMDBError) {
        let handle = unsafeHandle
        discard self
        // mdb_txn_commit frees the transaction even when it fails.
        try check(mdb_txn_commit(handle), "mdb_txn_commit")
    }

    consuming func abort() {
        let handle = unsafeHandle
        discard self
        mdb_txn_abort(handle)
    }

    deinit { mdb_txn_abort(unsafeHandle) }
}

/// A copyable stand-in for the write transaction, for callback-driven code (an importer
/// pushing segments into a consumer) that must reach the transaction from a stored
/// property. It is valid only while the `write` closure that made it runs; using it
/// afterwards is undefined behaviour, hence the name.
package struct UnsafeWriteTransactionReference: WritableTransaction {
    package let unsafeHandle: OpaquePointer
    private let unmanagedEnvironment: Unmanaged<Environment>
    package var environment: Environment { unmanagedEnvironment.takeUnretainedValue() }

    fileprivate init(handle: OpaquePointer, environment: Environment) {
        unsafeHandle = handle
        unmanagedEnvironment = Unmanaged.passUnretained(environment)
    }
}

extension WriteTransaction {
    /// See `UnsafeWriteTransactionReference`: never let it outlive the closure.
    package func unsafeReference() -> UnsafeWriteTransactionReference {
        UnsafeWriteTransactionReference(handle: unsafeHandle, environment: environment)
    }
}

/// A copyable stand-in for a read transaction, for code that must keep the transaction
/// in a stored property (an index's storage adapter). Valid only while the `read`
/// closure that made it runs.
package struct UnsafeReadTransactionReference: ReadableTransaction {
    package let unsafeHandle: OpaquePointer
    fileprivate init(handle: OpaquePointer) { unsafeHandle = handle }
}

extension ReadTransaction {
    /// See `UnsafeReadTransactionReference`: never let it outlive the closure.
    package func unsafeReference() -> UnsafeReadTransactionReference {
        UnsafeReadTransactionReference(handle: unsafeHandle)
    }
}
