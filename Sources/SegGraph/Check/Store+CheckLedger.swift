// `check`, continued: the imports ledger, vectors and the catalog.
internal import Foundation
internal import GRDB
internal import LMDB

extension Store {
    /// Each active import's counts match what is linked to it; replaced imports own nothing.
    func checkLedger(_ ledger: [ImportRecord], into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws {
        var linked = 0
        for record in ledger {
            let ids = try segmentIDs(of: ImportID(rawValue: record.id), in: txn)
            linked += ids.count
            let expected = record.state == .active ? record.segmentCount : 0
            if ids.count != expected {
                report.fail("import \(record.id) (\(record.fileName)): ledger says \(expected) segments, \(ids.count) stored")
            }
            for id in ids {
                if try tables.segments.get(id.rawValue, in: txn)?.importID.rawValue != record.id {
                    report.fail("import \(record.id) links segment \(id), which is missing or belongs to another import")
                }
            }
            let digestOwner = try tables.importDigests.get(hexBytes(record.sha256), in: txn)
            if record.state == .active && digestOwner != record.id {
                report.fail("import \(record.id) (\(record.fileName)): SHA-256 not registered")
            }
        }
        if try tables.importSegments.count(in: txn) != linked { report.fail("import links point to unknown imports") }
        report.checked("imports", ledger.count)
    }

    /// Vectors belong to live segments, have their space's dimension; counts match.
    func checkVectors(into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws {
        var spaces: [UInt32: EmbeddingSpace] = [:]
        try tables.spaces.scan(in: txn) { _, record in spaces[record.value.id] = record.value; return true }
        var counts: [UInt32: Int] = [:]
        try tables.vectors.scanRaw(in: txn) { key, value in
            var r = ByteReader(key, typeName: "vector key")
            let spaceID = try r.readUInt32()
            let segment = try r.readUInt64()
            counts[spaceID, default: 0] += 1
            guard let space = spaces[spaceID] else {
                report.fail("vector of segment #\(segment) in unknown space \(spaceID)")
                return true
            }
            if value.count != space.dimension * 4 { report.fail("vector of segment #\(segment) in \(space.name) has \(value.count / 4) dimensions, space has \(space.dimension)") }
            if !(try tables.segments.contains(segment, in: txn)) { report.fail("vector in \(space.name) for missing segment #\(segment)") }
            return true
        }
        for space in spaces.values where counts[space.id, default: 0] != space.vectorCount {
            report.fail("space \(space.name): records \(space.vectorCount) vectors, \(counts[space.id, default: 0]) stored")
        }
        report.checked("vectors", counts.values.reduce(0, +))
    }

    /// The catalog reflects this store at its current generation, row for row.
    func checkCatalog(into report: inout ConsistencyReport) throws {
        guard FileManager.default.fileExists(atPath: catalogPath) else {
            report.fail("catalog.sqlite is missing (run `seggraph reindex`)")
            return
        }
        let catalog = try catalog()
        if let damage = catalog.integrityProblem() {
            report.fail("catalog.sqlite is damaged (\(damage)); run `seggraph reindex` to rebuild it from LMDB")
            return
        }
        let stamp = try catalog.stamp()
        if stamp.uuid != uuid { report.fail("catalog belongs to store \(stamp.uuid ?? "none"), not \(uuid)") }
        if try stamp.generation != generation() {
            report.fail("catalog is at generation \(stamp.generation.map(String.init) ?? "none"), store at \(try generation()) (run `seggraph reindex`)")
        }
        let rows = try catalog.queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM segments ORDER BY id").map(CatalogRow.init(row:)) }
        var expected: [CatalogRow] = []
        try readTransaction { txn in
            let sources = try sourcesByID(in: txn)
            try tables.segments.scan(in: txn) { id, segment in
                var named = segment
                named.id = SegmentID(rawValue: id)
                expected.append(CatalogRow(named, sourceName: sources[segment.sourceID.rawValue]?.name ?? "?"))
                return true
            }
        }
        if rows.count != expected.count { report.fail("catalog has \(rows.count) segments, LMDB has \(expected.count)") }
        for (row, record) in zip(rows, expected) where row != record {
            report.fail("catalog row \(row.id) differs from LMDB segment #\(record.id)")
        }
        let textRows = try catalog.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM segment_text") ?? 0 }
        if textRows != rows.count { report.fail("catalog full-text index has \(textRows) rows for \(rows.count) segments") }
        report.checked("catalog rows", rows.count)
    }
}
