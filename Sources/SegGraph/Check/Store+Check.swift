// `check`: every index agrees with the records, the ledger's counts match what is
// stored, and the catalog agrees with LMDB. Runs in one read snapshot; O(n).
internal import Foundation
internal import GRDB
internal import LMDB

extension Store {
    /// Checks that every record decodes and has its key, boxes, ledger link and index entries;
    /// that the interval index, ledger counts, vectors, edges (both ends) and HNSW graph agree
    /// with the records; and that the catalog matches LMDB row for row. Problems go into the
    /// report; they are not thrown.
    ///
    /// The ledger is read in its own read transaction before the checks and the catalog after
    /// them, so an import committed meanwhile by another process can show up as a problem.
    /// - Throws: `StoreError` when the checks cannot run: `.storage` when LMDB or SQLite fails,
    ///   `.corrupt` when a record a later scan needs does not decode (so a segment record that
    ///   does not decode ends the check with this error rather than a report line).
    /// - Complexity: O(n) over segments, index entries, vectors, edge ends and catalog rows;
    ///   memory O(n) for the catalog comparison.
    public func check() throws -> ConsistencyReport {
        var report = ConsistencyReport()
        let ledger = try importLedger()
        try readTransaction { txn in
            let segmentCount = try checkSegments(into: &report, in: txn)
            try checkIndexes(segmentCount: segmentCount, into: &report, in: txn)
            try checkLedger(ledger, into: &report, in: txn)
            try checkVectors(into: &report, in: txn)
            try checkEdges(into: &report, in: txn)
            try checkHNSW(into: &report, in: txn)
        }
        try checkCatalog(into: &report)
        return report
    }

    /// Each record: decodes, has its key, boxes, ledger link, source and index entries.
    private func checkSegments(into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws -> Int {
        let sources = try sourcesByID(in: txn)
        let index = IntervalIndex(table: tables.timeIndex)
        var count = 0
        var maxID: UInt64 = 0
        try tables.segments.scanRaw(in: txn) { keyBytes, valueBytes in
            let id = SegmentID(rawValue: try UInt64(decoding: keyBytes))
            count += 1
            maxID = max(maxID, id.rawValue)
            let segment: Segment
            do { segment = try Segment(decoding: valueBytes) } catch {
                report.fail("segment \(id): record does not decode: \(error)")
                return true
            }
            let name = "segment \(id) (\(sources[segment.sourceID.rawValue]?.name ?? "?")/\(segment.externalID))"
            if sources[segment.sourceID.rawValue] == nil { report.fail("\(name): source \(segment.sourceID.rawValue) missing") }
            let key = Store.segmentKey(source: segment.sourceID, externalID: segment.externalID)
            if try tables.segmentKeys.get(key, in: txn) != id.rawValue { report.fail("\(name): external-id key missing or wrong") }
            let boxes = try tables.boxes.get(id.rawValue, in: txn)?.boxes.count
            if boxes != segment.boxCount { report.fail("\(name): \(segment.boxCount) boxes in record, \(boxes.map(String.init) ?? "no") box list") }
            if !(try tables.importSegments.contains(Store.importSegmentKey(segment.importID, id), in: txn)) {
                report.fail("\(name): not linked to import \(segment.importID.rawValue)")
            }
            for (dimension, value) in try expectedIndexEntries(segment, in: txn) {
                let entryKey = IntervalIndex.key(dimension, value, span: segment.span, segment: id)
                if !(try index.table.contains(entryKey, in: txn)) { report.fail("\(name): \(dimension) time-index entry missing") }
            }
            return true
        }
        if try counter(MetaKey.nextSegmentID, in: txn) < maxID { report.fail("meta next_segment_id is below segment \(maxID)") }
        report.checked("segments", count)
        return count
    }

    private func expectedIndexEntries(_ segment: Segment, in txn: borrowing ReadTransaction) throws -> [(IndexDimension, UInt32)] {
        try Self.indexEntries(for: segment) { kind, scope, name in try lookupNameID(kind, scope: scope, name, in: txn) }
    }

    /// Index entries point at live segments with the same span; no extra entries.
    private func checkIndexes(segmentCount: Int, into report: inout ConsistencyReport, in txn: borrowing ReadTransaction) throws {
        let index = IntervalIndex(table: tables.timeIndex)
        var expected = 0
        var found = 0
        for dimension in IndexDimension.allCases {
            try index.all(dimension, nil, in: txn) { _, id, span in
                found += 1
                guard let segment = try tables.segments.get(id.rawValue, in: txn) else {
                    report.fail("\(dimension) time-index entry for missing segment \(id)")
                    return true
                }
                if segment.span != span { report.fail("\(dimension) time-index entry for segment \(id) has a different time span") }
                return true
            }
        }
        try tables.segments.scan(in: txn) { _, segment in
            expected += segment.trackID == nil ? 3 : 4
            return true
        }
        if found != expected { report.fail("time index has \(found) entries, segments need \(expected)") }
        var keys = 0
        try tables.segmentKeys.scan(in: txn) { _, id in
            keys += 1
            if !(try tables.segments.contains(id, in: txn)) { report.fail("external-id key points to missing segment #\(id)") }
            return true
        }
        if keys != segmentCount { report.fail("\(keys) external-id keys for \(segmentCount) segments") }
        if try tables.boxes.count(in: txn) != segmentCount { report.fail("box lists and segments differ in number") }
        report.checked("time-index entries", found)
    }
}
