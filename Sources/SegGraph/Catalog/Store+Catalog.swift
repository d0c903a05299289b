// Keeping the catalog in step with LMDB. Sync is incremental and idempotent: the
// catalog lists the imports it holds; sync drops rows of imports that were replaced
// and adds rows of active imports it lacks, then stamps the LMDB generation.
internal import Foundation
internal import GRDB
internal import LMDB

extension Store {
    var catalogPath: String { path + "/" + StoreFormat.catalogFileName }

    /// The catalog, opened on first use.
    func catalog() throws -> Catalog {
        catalogLock.lock()
        defer { catalogLock.unlock() }
        if let openedCatalog { return openedCatalog }
        if isReadOnly && !FileManager.default.fileExists(atPath: catalogPath) {
            throw StoreError(.notFound, "\(catalogPath): no catalog (run `seggraph reindex`)")
        }
        let catalog: Catalog
        do {
            catalog = try Catalog(path: catalogPath, readOnly: isReadOnly)
        } catch let error as StoreError where error.kind == .corrupt {
            // Derived data: an unreadable catalog is set aside (kept for inspection) and
            // rebuilt from LMDB by the sync that follows every writable open. Read-only, it
            // can only be reported.
            guard !isReadOnly else {
                throw StoreError(.corrupt, error.message + " (run `seggraph reindex` to rebuild it from LMDB)")
            }
            setCatalogAside(because: error.message)
            catalog = try Catalog(path: catalogPath, readOnly: false)
        }
        openedCatalog = catalog
        return catalog
    }

    /// Moves the catalog file aside (`catalog.sqlite.unreadable-TIME`, kept for inspection)
    /// and says so in a notice. Call with `catalogLock` held and the catalog closed.
    private func setCatalogAside(because reason: String) {
        let aside = catalogPath + ".unreadable-\(Int(Date().timeIntervalSince1970))"
        try? FileManager.default.removeItem(atPath: aside)
        try? FileManager.default.moveItem(atPath: catalogPath, toPath: aside)
        try? FileManager.default.removeItem(atPath: catalogPath + "-journal")
        StoreNotices.post("\(catalogPath): the catalog could not be read (\(reason.replacingOccurrences(of: catalogPath + ": ", with: ""))); "
                          + "set aside as \((aside as NSString).lastPathComponent) and rebuilt from LMDB")
    }

    /// Closes the catalog and opens a new, empty file in its place: the old file is set aside
    /// when `damage` says why, removed otherwise. The sync or rebuild that follows fills it.
    private func startFreshCatalog(setAsideFor damage: String?) throws {
        catalogLock.lock()
        defer { catalogLock.unlock() }
        openedCatalog = nil  // closes the connection before the file goes
        if let damage {
            setCatalogAside(because: damage)
        } else {
            try? FileManager.default.removeItem(atPath: catalogPath)
            try? FileManager.default.removeItem(atPath: catalogPath + "-journal")
        }
        openedCatalog = try Catalog(path: catalogPath, readOnly: false)
    }

    /// Brings the catalog up to date with LMDB (no-op when it already is). A catalog SQLite
    /// finds damaged is set aside and rebuilt (writable stores only).
    public func syncCatalog() throws {
        do {
            try syncCatalogOnce()
        } catch let error as DatabaseError where !isReadOnly && [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            try startFreshCatalog(setAsideFor: "\(error)")
            try syncCatalogOnce()
        }
    }

    private func syncCatalogOnce() throws {
        let catalog = try catalog()
        let generation = try generation()
        let stamp = try catalog.stamp()
        if stamp.uuid == uuid && stamp.generation == generation { return }
        guard !isReadOnly else {
            throw StoreError(.corrupt, "\(catalogPath): the catalog is out of date (run `seggraph reindex`)")
        }
        if stamp.uuid != nil && stamp.uuid != uuid { return try rebuildCatalog() }
        let ledger = try importLedger()
        try catalog.queue.write { db in
            let applied = try catalog.appliedImports(db)
            let active = Set(ledger.filter { $0.state == .active }.map { Int64($0.id) })
            for stale in applied.subtracting(active).sorted() {
                try db.execute(sql: "DELETE FROM segment_text WHERE rowid IN (SELECT id FROM segments WHERE import_id = ?)", arguments: [stale])
                try db.execute(sql: "DELETE FROM segments WHERE import_id = ?", arguments: [stale])
                try db.execute(sql: "DELETE FROM catalog_imports WHERE import_id = ?", arguments: [stale])
            }
            for missing in active.subtracting(applied).sorted() {
                try insertCatalogRows(of: ImportID(rawValue: UInt32(missing)), into: db)
                try db.execute(sql: "INSERT INTO catalog_imports(import_id) VALUES (?)", arguments: [missing])
            }
            try Catalog.setStamp(db, uuid: uuid, generation: generation)
        }
    }

    /// Rebuilds the catalog from LMDB into a new file (the old one is removed, or set aside
    /// when SQLite finds it damaged), so `reindex` repairs a catalog in any state.
    public func rebuildCatalog() throws {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        catalogLock.lock()
        let damage = openedCatalog.flatMap { $0.integrityProblem() }
        catalogLock.unlock()
        try startFreshCatalog(setAsideFor: damage)
        let catalog = try catalog()
        let generation = try generation()
        let ledger = try importLedger()
        try catalog.queue.write { db in
            try db.execute(sql: "DELETE FROM segments; DELETE FROM segment_text; DELETE FROM catalog_imports; DELETE FROM catalog_meta;")
            for record in ledger where record.state == .active {
                try insertCatalogRows(of: ImportID(rawValue: record.id), into: db)
                try db.execute(sql: "INSERT INTO catalog_imports(import_id) VALUES (?)", arguments: [record.id])
            }
            try Catalog.setStamp(db, uuid: uuid, generation: generation)
        }
    }

    private func insertCatalogRows(of importID: ImportID, into db: Database) throws {
        try readTransaction { txn in
            var sourceNames: [UInt32: String] = [:]
            for (index, id) in try segmentIDs(of: importID, in: txn).enumerated() {
                // Reading every record would otherwise keep the whole map resident.
                if index % 4096 == 4095 { environment.releaseMappedPages() }
                guard let segment = try tables.segments.get(id.rawValue, in: txn) else { continue }
                var named = segment
                named.id = id
                let sourceID = segment.sourceID.rawValue
                if sourceNames[sourceID] == nil {
                    sourceNames[sourceID] = try tables.sources.get(sourceID, in: txn)?.value.name ?? "?"
                }
                try CatalogRow(named, sourceName: sourceNames[sourceID]!).insert(db)
            }
        }
    }

    /// Every ledger entry, in import order.
    func importLedger() throws -> [ImportRecord] {
        try readTransaction { txn in
            var records: [ImportRecord] = []
            try tables.imports.scan(in: txn) { _, record in records.append(record.value); return true }
            return records
        }
    }
}
