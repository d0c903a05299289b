// The query layer's only door to stored data: one LMDB read transaction, wrapped. A
// `Snapshot` is ~Copyable and handed to the closure `borrowing`, so it cannot be stored
// or escape; everything read through it belongs to one consistent state of the store,
// never half an import.
internal import LMDB

/// One consistent, read-only view of a store.
///
/// Lifetime: valid only inside the `Store.read` closure that received it. Threading: use
/// it on the thread that runs the closure. Every query runs in exactly one snapshot.
public struct Snapshot: ~Copyable {
    let store: Store
    // Copyable stand-in for the borrowed transaction; it cannot leave the snapshot, and
    // the snapshot cannot leave its closure.
    let txn: UnsafeReadTransactionReference
    /// The store's generation at this snapshot: every committed change advances it.
    public let generation: UInt64
    /// Sources with a clock correction, by id (usually none): their segments' times are
    /// shown and compared on the true clock.
    let correctedSources: [UInt32: Source]
    /// When the query must give up (`nil`: never). Checked at every record and adjacency read.
    let deadline: ContinuousClock.Instant?
    let budgetSeconds: Double

    var tables: StoreTables { store.tables }

    /// Throws `.timeout` once the deadline has passed: long queries stop at their next read.
    func checkBudget() throws {
        if let deadline, ContinuousClock.now > deadline {
            throw StoreError(.timeout, "the query took longer than its time budget of \(budgetSeconds) s; narrow it")
        }
    }

    /// The store's UUID (fixed at creation).
    public var storeUUID: String { store.uuid }
}

extension Store {
    /// Runs `body` in one snapshot of the store.
    /// - Throws: `StoreError` (kind `.storage` when LMDB fails), or what `body` throws.
    /// - Complexity: O(1) to begin; a snapshot never blocks and is never blocked by the writer.
    public func read<R>(_ body: (borrowing Snapshot) throws -> R) throws -> R {
        try read(budgetSeconds: nil, body)
    }

    /// Runs `body` in one snapshot that gives up with `StoreError` kind `.timeout` once
    /// `budgetSeconds` have passed (checked at every record and adjacency read); `nil` = no limit.
    public func read<R>(budgetSeconds: Double?, _ body: (borrowing Snapshot) throws -> R) throws -> R {
        try readTransaction { txn in
            let deadline = budgetSeconds.map { ContinuousClock.now + .milliseconds(Int64(($0 * 1000).rounded())) }
            let generation = try counter(MetaKey.generation, in: txn)
            let corrected = try correctedSources(in: txn, generation: generation)
            let snapshot = Snapshot(store: self, txn: txn.unsafeReference(), generation: generation,
                                    correctedSources: corrected, deadline: deadline, budgetSeconds: budgetSeconds ?? 0)
            return try body(snapshot)
        }
    }

    /// Runs `query` in a fresh snapshot.
    public func run<Q: Query>(_ query: Q) throws -> Q.Result {
        try read { snapshot in try query.run(in: snapshot) }
    }
}

/// A question to the store: typed, validated parameters and one way to answer them.
public protocol Query: Sendable {
    associatedtype Result
    /// Answers the query from `snapshot` alone.
    func run(in snapshot: borrowing Snapshot) throws -> Result
}
