// `--where EXPR`: a read-only SQL WHERE expression over the catalog's `segments` table.
// It is compiled as one SELECT on a read-only connection; anything that is not a
// single read-only statement is refused before it runs.
internal import Foundation
internal import GRDB

extension Store {
    /// Ids of segments matching `expression`.
    /// - Throws: `StoreError.invalidArgument` with SQLite's reason for invalid SQL or a
    ///   non-read-only statement.
    func segmentIDs(matchingWhere expression: String) throws -> Set<SegmentID> {
        guard expression.utf8.count <= Limits.whereExpressionBytesMax else {
            throw StoreError(.invalidArgument, "where: expression longer than \(Limits.whereExpressionBytesMax) bytes", parameter: "where")
        }
        try syncCatalogIfWritable()
        var configuration = Configuration()
        configuration.readonly = true
        // Another process may hold the catalog while it syncs an import: wait, do not fail.
        configuration.busyMode = .timeout(Limits.catalogBusySecondsMax)
        let reader = try translatingStorageErrors { try DatabaseQueue(path: catalogPath, configuration: configuration) }
        let sql = "SELECT id FROM segments WHERE (\(expression)) LIMIT \(Limits.queryResultsMax + 1)"
        // A runaway expression (a recursive CTE that never ends) is interrupted, not waited for.
        let deadline = DispatchWorkItem { reader.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + Limits.whereSecondsMax, execute: deadline)
        defer { deadline.cancel() }
        do {
            let ids = try reader.read { db in
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else {
                    throw StoreError(.invalidArgument, "where: only a read-only expression is allowed", parameter: "where")
                }
                return try Int64.fetchAll(statement)
            }
            guard ids.count <= Limits.queryResultsMax else {
                throw StoreError(.limit, "where matches more than \(Limits.queryResultsMax) segments; narrow it", parameter: "where")
            }
            return Set(ids.map { SegmentID(rawValue: UInt64($0)) })
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw StoreError(.limit, "where: the expression ran longer than \(Int(Limits.whereSecondsMax)) s", parameter: "where")
        } catch let error as DatabaseError {
            let reason = error.message ?? "\(error)"
            throw StoreError(.invalidArgument, "where: invalid expression: \(reason.replacingOccurrences(of: "\n", with: " "))", parameter: "where")
        }
    }

    func syncCatalogIfWritable() throws {
        if isReadOnly { _ = try catalog() } else { try syncCatalog() }
    }
}
