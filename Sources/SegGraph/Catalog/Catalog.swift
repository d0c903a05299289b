// The SQLite catalog: a derived, rebuildable copy of segment metadata for ad-hoc
// filters (`--where`) and full-text search. LMDB stays the source of truth; the
// catalog records which imports it reflects and the store UUID it belongs to.
internal import Foundation
internal import GRDB

final class Catalog: @unchecked Sendable {
    static let schemaVersion = 1
    let queue: DatabaseQueue
    let path: String

    init(path: String, readOnly: Bool) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.label = "seggraph-catalog"
        // Readers and the syncing writer wait for each other instead of failing with SQLITE_BUSY.
        configuration.busyMode = .timeout(Limits.catalogBusySecondsMax)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if !readOnly { try queue.write { db in try Self.createSchema(db) } }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw StoreError(.corrupt, "\(path): cannot open the catalog: \(error)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            // Not damage: a full disk. Setting the file aside to rebuild it would only need more room.
            throw StoreError(.storage, "\(path): cannot open the catalog: the disk is full (\(error))")
        } catch {
            throw StoreError(.storage, "\(path): cannot open the catalog: \(error)")
        }
    }

    /// SQLite's own verdict on the file (`PRAGMA quick_check`), or `nil` when it is sound.
    func integrityProblem() -> String? {
        do {
            let verdict = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check(1)") }
            return verdict == "ok" ? nil : "quick_check: \(verdict ?? "no answer")"
        } catch {
            return "\(error)"
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS catalog_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS catalog_imports(import_id INTEGER PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS segments(
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                type TEXT NOT NULL,
                label TEXT NOT NULL,
                start_ns INTEGER NOT NULL,
                end_ns INTEGER NOT NULL,
                confidence REAL,
                track TEXT,
                box_count INTEGER NOT NULL,
                import_id INTEGER NOT NULL,
                attributes TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS segments_label ON segments(label, start_ns);
            CREATE INDEX IF NOT EXISTS segments_source ON segments(source, start_ns);
            CREATE INDEX IF NOT EXISTS segments_import ON segments(import_id);
            CREATE VIRTUAL TABLE IF NOT EXISTS segment_text USING fts5(label, attributes);
            """)
    }

    /// (store UUID, generation) the catalog says it reflects.
    func stamp() throws -> (uuid: String?, generation: UInt64?) {
        try queue.read { db in
            let uuid = try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'store_uuid'")
            let generation = try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'generation'")
            return (uuid, generation.flatMap { UInt64($0) })
        }
    }

    func appliedImports(_ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT import_id FROM catalog_imports"))
    }

    static func setStamp(_ db: Database, uuid: String, generation: UInt64) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO catalog_meta(key, value) VALUES ('store_uuid', ?), ('generation', ?), ('schema_version', ?)",
                       arguments: [uuid, String(generation), String(schemaVersion)])
    }
}
