// Errors from liblmdb: the return code, the operation that failed, and LMDB's text.
// Callers match on `code`, never on the message.
internal import CLMDB

/// An error returned by liblmdb.
public struct LMDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The LMDB (or errno) return code, e.g. `LMDBError.mapFull`.
    public var code: Int32
    /// The operation that failed, e.g. `mdb_put(segments)`.
    public var operation: String
    /// `mdb_strerror(code)`.
    public var message: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
        self.message = String(cString: mdb_strerror(code))
    }

    public var description: String { "\(operation): \(message) (code \(code))" }

    public static let keyExists: Int32 = MDB_KEYEXIST
    public static let notFound: Int32 = MDB_NOTFOUND
    public static let mapFull: Int32 = MDB_MAP_FULL
    public static let mapResized: Int32 = MDB_MAP_RESIZED
    public static let readersFull: Int32 = MDB_READERS_FULL
    public static let badValueSize: Int32 = MDB_BAD_VALSIZE
    public static let incompatible: Int32 = MDB_INCOMPATIBLE
    /// errno EACCES: opening a read-only environment for writing, or a file permission problem.
    public static let permissionDenied: Int32 = 13
    /// errno ENOENT.
    public static let noSuchFile: Int32 = 2
}

/// Throws an `LMDBError` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    if code != 0 { throw LMDBError(code: code, operation: operation()) }
}
