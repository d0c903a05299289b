// An import on both cores: the new vectors go into the HNSW index on a second thread while the
// linker derives edges on the first, both inside the import's one write transaction.
//
// Why this is safe and deterministic: the inserts write nothing to LMDB (appended nodes, lists
// and vectors wait in the write cache), and they read the index through a read transaction of
// the store as last committed, which holds exactly what the write transaction holds for the
// index as long as this transaction has not touched it (no older layout converted, nothing
// removed: `PendingVectorInserts.readsAsCommitted`; otherwise everything runs on one core).
// The linker reads and writes other tables only. The flush, in the write transaction, comes
// after both, in the same order of puts as on one core, so every table is the same byte for
// byte (the import ledger records when it ran, which differs between any two imports).
internal import LMDB

extension Store {
    /// Runs `linking` while `inserts` go into their indexes (on another thread when
    /// `concurrently` and the index allows it), then flushes the inserts.
    func indexingVectors(_ inserts: [PendingVectorInserts], concurrently: Bool, txn: UnsafeWriteTransactionReference,
                         while linking: () throws -> Void) throws {
        let headers: [HNSWHeader]
        if concurrently, !inserts.isEmpty, inserts.allSatisfy(\.readsAsCommitted) {
            headers = try readTransaction { snapshot in
                let committed = snapshot.unsafeReference()
                let job = BackgroundJob { try inserts.map { try self.insertVectors($0, reading: committed) } }
                // The job is always waited for before the read transaction ends, also when
                // linking fails.
                let linked = Result { try linking() }
                let inserted = job.wait()
                importsIndexedConcurrently += 1
                try linked.get()
                return try inserted.get()
            }
        } else {
            headers = try inserts.map { try insertVectors($0, reading: txn) }
            try linking()
        }
        for (pending, header) in zip(inserts, headers) { try flushVectorInserts(pending, header: header, txn: txn) }
    }
}
