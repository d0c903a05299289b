// The engine's one error family for everything that is not about an input file's content
// (that is ImportError). Matched by kind, never by text. Messages use the engine's words
// (`hops must be in 1…6`), not a CLI flag: the CLI and the server name their own spelling.

/// An error of the engine: a kind, a message, the parameter at fault, and the cause.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers to match on (the CLI maps kinds to exit codes).
    public enum Kind: String, Sendable {
        /// No store, segment, source, space or import by that name.
        case notFound
        /// `init` on an existing store.
        case alreadyExists
        /// The store was written by another format version.
        case formatVersion
        /// Stored bytes do not decode, or indexes disagree.
        case corrupt
        /// A bad argument: time, filter, expression, bound.
        case invalidArgument
        /// A write on a store opened read-only.
        case readOnly
        /// A limit from `Limits` was hit.
        case limit
        /// The query ran out of the time it was given (`Store.read(budgetSeconds:)`).
        case timeout
        /// The input conflicts with what is stored (e.g. a different start_time).
        case conflict
        /// The storage layer failed (LMDB, SQLite, the file system): see `cause`.
        case storage
    }

    /// The error's kind; match on it, never on `message`.
    public var kind: Kind
    /// One line for people, in the engine's words.
    public var message: String
    /// The query parameter at fault, in the engine's words (`hops`, `from`, `k`), if any.
    public var parameter: String?
    /// What failed underneath, e.g. `mdb_put(segments): MDB_MAP_FULL (code -30792)`.
    public var cause: String?

    /// An error of `kind` with `message`, the `parameter` at fault and the underlying `cause`.
    public init(_ kind: Kind, _ message: String, parameter: String? = nil, cause: String? = nil) {
        self.kind = kind
        self.message = message
        self.parameter = parameter
        self.cause = cause
    }

    /// The message.
    public var description: String { message }
}
