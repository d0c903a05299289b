// Recording and withdrawing verdicts. A verdict changes answers (the trace obeys it), so it
// advances the store's generation like any other change.
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
        let verdict = LinkVerdict(first.name, second.name, decision: decision, by: author,
                                  at: TimeDisplay.format(utcNanoseconds: currentUTCNanoseconds() / 1_000_000 * 1_000_000, zone: .gmt), note: note)
        try writeTransaction { txn in
            try table.put(verdict.key, JSONRecord(verdict), in: txn)
            try setCounter(MetaKey.generation, try counter(MetaKey.generation, in: txn) + 1, in: txn)
        }
        try syncCatalog()  // nothing of the catalog changed but the generation it reflects
        return verdict
    }

    /// Withdraws the verdict on (`a`, `b`), given by name as recorded.
    /// - Returns: the verdict removed.
    /// - Throws: `.notFound` when the pair has none.
    @discardableResult
    public func withdrawVerdict(between a: String, and b: String) throws -> LinkVerdict {
        guard !isReadOnly, let table = tables.verdicts else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        let removed = try writeTransaction { txn in
            let key = LinkVerdict.key(a, b)
            guard let existing = try table.get(key, in: txn)?.value else {
                throw StoreError(.notFound, "no verdict on \(a) and \(b) (see `seggraph link list`)")
            }
            try table.delete(key, in: txn)
            try setCounter(MetaKey.generation, try counter(MetaKey.generation, in: txn) + 1, in: txn)
            return existing
        }
        try syncCatalog()
        return removed
    }

    /// Restores verdicts as exported (`link list --json`), each replacing any on its pair.
    /// Segments need not be stored yet: a verdict waits for its sightings by name.
    public func restoreVerdicts(_ verdicts: [LinkVerdict]) throws {
        guard !isReadOnly, let table = tables.verdicts else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        try writeTransaction { txn in
            for verdict in verdicts {
                let canonical = LinkVerdict(verdict.first, verdict.second, decision: verdict.decision, by: verdict.by,
                                            at: verdict.at, note: verdict.note)
                try table.put(canonical.key, JSONRecord(canonical), in: txn)
            }
            try setCounter(MetaKey.generation, try counter(MetaKey.generation, in: txn) + 1, in: txn)
        }
        try syncCatalog()  // nothing of the catalog changed but the generation it reflects
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
