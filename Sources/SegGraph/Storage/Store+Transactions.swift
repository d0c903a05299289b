// The engine's only entry to LMDB transactions. Errors of the layers below (LMDB return
// codes, records that do not decode, SQLite) become `StoreError`s here, with the
// original as `cause`: no LMDBError or GRDB error leaves the engine.
internal import Foundation
internal import GRDB
internal import LMDB

extension Store {
    /// A read transaction; storage errors become `StoreError`.
    func readTransaction<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        try translatingStorageErrors { try environment.read(body) }
    }

    /// The write transaction; storage errors become `StoreError`. See `Environment.write`
    /// for the retry on a full map.
    func writeTransaction<R>(_ body: (borrowing WriteTransaction) throws -> R) throws -> R {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): the store is open read-only") }
        return try translatingStorageErrors { try environment.write(body) }
    }
}

/// Runs `body`, turning errors of the storage layers into `StoreError`s.
func translatingStorageErrors<R>(_ body: () throws -> R) throws -> R {
    do { return try body() } catch { throw StoreError.translating(error) }
}

extension StoreError {
    /// `error` in the engine's family: LMDB failures are `.storage` (a full map or disk is
    /// `.limit`), undecodable records `.corrupt` naming table and key, SQLite errors `.storage`.
    static func translating(_ error: any Error) -> any Error {
        switch error {
        case let error as LMDBError:
            if error.code == LMDBError.mapFull {
                return StoreError(.limit, "the store is full (\(error.operation); SEGGRAPH_MAP_MAX sets it): "
                                  + "nothing of this transaction was stored", cause: error.description)
            }
            let kind: Kind = .storage
            // ENOSPC, or EIO from a commit on a full file system: the store is unchanged.
            let hint = error.code == 28 || (error.code == 5 && error.operation.hasPrefix("mdb_txn_commit"))
                ? " (is the disk full? nothing of this transaction was stored)" : ""
            return StoreError(kind, "storage error: \(error.message) in \(error.operation)\(hint)", cause: error.description)
        case let error as RecordDecodingError:
            return StoreError(.corrupt, "damaged record: \(error)", cause: error.description)
        case let error as DatabaseError:
            let text = (error.message ?? "\(error)").replacingOccurrences(of: "\n", with: " ")
            return StoreError(.storage, "catalog error: \(text)", cause: "SQLite error \(error.resultCode.rawValue): \(text)")
        default:
            return error
        }
    }
}
