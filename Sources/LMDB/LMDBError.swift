// Errors from liblmdb: the return code, the operation that failed, and LMDB's text.
// Callers match on `code`, never on the message.
internal import CLMDB

/// An error returned by liblmdb.
package struct LMDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The LMDB (or errno) return code, e.g. `LMDBError.mapFull`.
    package var code: Int32
    /// The operation that failed, e.g. `mdb_put(segments)`.
    package var operation: String
    /// `mdb_strerror(code)`.
    package var message: String

    package init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
        self.message = String(cString: mdb_strerror(code))
    }

    package var description: String { "\(operation): \(message) (code \(code))" }

    package static let keyExists: Int32 = MDB_KEYEXIST
    package static let notFound: Int32 = MDB_NOTFOUND
    package static let mapFull: Int32 = MDB_MAP_FULL
    package static let mapResized: Int32 = MDB_MAP_RESIZED
    package static let readersFull: Int32 = MDB_READERS_FULL
    package static let badValueSize: Int32 = MDB_BAD_VALSIZE
    package static let incompatible: Int32 = MDB_INCOMPATIBLE
    /// errno EACCES: opening a read-only environment for writing, or a file permission problem.
    package static let permissionDenied: Int32 = 13
    /// errno ENOENT.
    package static let noSuchFile: Int32 = 2
}

/// Throws an `LMDBError` unless `code` is `MDB_SUCCESS`.
@inline(__always)
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    if code != 0 { throw LMDBError(code: code, operation: operation()) }
}
