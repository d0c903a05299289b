// Errors of the engine that are not about an input file's content. Matched by code.

public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No store, segment, source or import by that name.
        case notFound
        /// `init` on an existing store.
        case alreadyExists
        /// The store was written by another format version.
        case formatVersion
        /// Stored bytes do not decode, or indexes disagree.
        case corrupt
        /// A bad argument: time, filter, expression.
        case invalidArgument
        /// A write on a store opened read-only.
        case readOnly
        /// A limit from `Limits` was hit.
        case limit
        /// The input conflicts with what is stored (e.g. a different start_time).
        case conflict
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
