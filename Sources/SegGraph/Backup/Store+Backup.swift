// Hot backup: LMDB's compacting copy (`mdb_env_copy2` with MDB_CP_COMPACT) runs inside its
// own read transaction, so the copy is one consistent snapshot even while another process
// imports, and it leaves free pages behind. The catalog is not copied: it is derived data,
// and the live catalog is a rollback-journal SQLite file whose writer (an importing process)
// fails rather than waits when a reader holds a lock. Rebuilding it from the copied LMDB
// snapshot never touches the live file and always matches the snapshot exactly.
internal import Foundation
internal import LMDB

/// What `Store.backup(to:)` wrote.
public struct BackupSummary: Sendable, Equatable {
    /// The backup directory, as passed to `backup(to:)`.
    public var path: String
    /// The copy's store UUID: the original's, so evidence that names the store still matches.
    public var uuid: String
    /// Segments in the copy, counted by opening it.
    public var segmentCount: Int
    /// Size of the copied `data.mdb` (compacted) and of the rebuilt catalog.
    public var lmdbFileBytes: Int
    /// Size in bytes of the copy's rebuilt `catalog.sqlite`.
    public var catalogFileBytes: Int
}

extension Store {
    /// Writes a consistent, compacted copy of the store into `destination`, which must not
    /// exist yet or be an empty directory, and builds its catalog.
    ///
    /// Safe while this or another process writes: the copy is the snapshot of the last
    /// committed transaction when the copy began.
    /// - Throws: `StoreError.alreadyExists` when `destination` is not empty,
    ///   `StoreError.invalidArgument` when it cannot be created, `.storage` when the copy fails.
    /// - Complexity: O(used pages) to copy, O(segments) to build the catalog.
    public func backup(to destination: String) throws -> BackupSummary {
        try Self.prepareBackupDirectory(destination, source: path)
        // Built in a sibling staging folder and renamed into place at the end: a backup killed
        // half-way (SIGKILL, a full disk) leaves `NAME.incomplete-PID`, never a `NAME` that
        // looks like a store but holds part of one.
        let staging = URL(fileURLWithPath: destination).standardizedFileURL.path + ".incomplete-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try translatingStorageErrors { try environment.copy(to: staging, compact: true) }
            // Opening writable builds the catalog (its stamp is missing, so every active
            // import's rows are inserted) and proves the copy opens; closed before the rename.
            let (uuid, stats) = try { () throws -> (String, StoreStats) in
                let copy = try Store.open(at: staging)
                return (copy.uuid, try copy.run(StatsQuery()))
            }()
            // rename(2) replaces the empty destination directory prepareBackupDirectory made.
            guard rename(staging, destination) == 0 else {
                throw StoreError(.storage, "\(destination): cannot move the finished backup into place: \(String(cString: strerror(errno)))")
            }
            return BackupSummary(path: destination, uuid: uuid, segmentCount: stats.segmentCount,
                                 lmdbFileBytes: stats.lmdbFileBytes, catalogFileBytes: stats.catalogFileBytes)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    private static func prepareBackupDirectory(_ destination: String, source: String) throws {
        let manager = FileManager.default
        let resolved = URL(fileURLWithPath: destination).standardizedFileURL.path
        guard resolved != URL(fileURLWithPath: source).standardizedFileURL.path else {
            throw StoreError(.invalidArgument, "\(destination): the backup cannot be the store itself")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? manager.contentsOfDirectory(atPath: destination))?.isEmpty == true else {
                throw StoreError(.alreadyExists, "\(destination): already exists and is not an empty directory")
            }
            return
        }
        do {
            try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.invalidArgument, "\(destination): cannot create directory: \((error as NSError).localizedDescription)")
        }
    }
}
