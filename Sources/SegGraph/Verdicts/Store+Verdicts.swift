// Recording and withdrawing verdicts. A verdict changes answers (the trace obeys it), so it
// is written like any other answer-changing write (`writeChangingAnswers`).
internal import Foundation
internal import LMDB

extension Store {
    /// Records `decision` on the pair (`a`, `b`), replacing an earlier verdict on it.
    /// - Parameters:
    ///   - a, b: segment names (`SOURCE/SEGMENT_ID` or `#ID`) of two different stored segments.
    ///   - by: who decides (required: a verdict without an author is not evidence).
    /// - Returns: the stored verdict (names canonical, time set now).
    /// - Throws: `.notFound` for an unknown segment, `.invalidArgument` for one segment twice
    ///   or an empty author, `.readOnly` on a read-only store.
    @discardableResult
    public func recordVerdict(_ decision: LinkVerdict.Decision, between a: String, and b: String, by: String,
                              note: String? = nil) throws -> LinkVerdict {
        guard !isReadOnly, let table = tables.verdicts else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        let author = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !author.isEmpty, !author.contains("\0") else {
            throw StoreError(.invalidArgument, "a verdict needs its author (--by NAME)", parameter: "by")
        }
        if let note, note.contains("\0") { throw StoreError(.invalidArgument, "note contains NUL", parameter: "note") }
        let (first, second) = try read { snapshot in
            (try snapshot.requireHit(try snapshot.segmentID(named: a)), try snapshot.requireHit(try snapshot.segmentID(named: b)))
        }
        guard first.segment.id != second.segment.id else {
            throw StoreError(.invalidArgument, "a verdict needs two different segments (got \(first.name) twice)")
        }
        // Whole seconds: enough for who-decided-when, and one width in every table.
        let verdict = LinkVerdict(first.name, second.name, decision: decision, by: author,
                                  at: TimeDisplay.format(utcNanoseconds: currentUTCNanoseconds() / 1_000_000_000 * 1_000_000_000, zone: .gmt), note: note)
        try writeChangingAnswers { txn in try table.put(verdict.key, JSONRecord(verdict), in: txn) }
        return verdict
    }

    /// Withdraws the verdict on (`a`, `b`), given by name as recorded.
    /// - Returns: the verdict removed.
    /// - Throws: `.notFound` when the pair has none.
    @discardableResult
    public func withdrawVerdict(between a: String, and b: String) throws -> LinkVerdict {
        guard !isReadOnly, let table = tables.verdicts else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        return try writeChangingAnswers { txn in
            let key = LinkVerdict.key(a, b)
            guard let existing = try table.get(key, in: txn)?.value else {
                throw StoreError(.notFound, "no verdict on \(a) and \(b) (see `seggraph link list`)")
            }
            try table.delete(key, in: txn)
            return existing
        }
    }

    /// Restores verdicts as exported (`link list --json`), each replacing any on its pair.
    /// Segments need not be stored yet: a verdict waits for its sightings by name.
    public func restoreVerdicts(_ verdicts: [LinkVerdict]) throws {
        guard !isReadOnly, let table = tables.verdicts else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        try writeChangingAnswers { txn in
            for verdict in verdicts {
                let canonical = LinkVerdict(verdict.first, verdict.second, decision: verdict.decision, by: verdict.by,
                                            at: verdict.at, note: verdict.note)
                try table.put(canonical.key, JSONRecord(canonical), in: txn)
            }
        }
    }
}

extension Snapshot {
    /// Every verdict, by pair name (empty on a store written before verdicts existed).
    public func verdicts() throws -> [LinkVerdict] {
        guard let table = tables.verdicts else { return [] }
        var all: [LinkVerdict] = []
        try table.scan(in: txn) { _, record in
            all.append(record.value)
            return true
        }
        return all
    }
}
