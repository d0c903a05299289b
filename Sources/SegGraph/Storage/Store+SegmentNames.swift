// A segment by name: `SOURCE/SEGMENT_ID` (a source name may itself hold slashes, so every split
// is tried, left to right) or `#ID`. Shared by snapshots and by the export, which resolves
// verdicts inside its own read transaction.
internal import LMDB

extension Store {
    /// The segment `name` designates, or `nil` when none is stored.
    func lookupSegment<T: ReadableTransaction & ~Copyable>(named name: String, in txn: borrowing T) throws -> SegmentID? {
        // `#574`, or `id:574`, which needs no quoting in a shell (`#` starts a comment there).
        if name.hasPrefix("#") || name.hasPrefix("id:") {
            guard let raw = UInt64(name.dropFirst(name.hasPrefix("#") ? 1 : 3)) else { return nil }
            return try tables.segments.contains(raw, in: txn) ? SegmentID(rawValue: raw) : nil
        }
        // Every split at a slash: source `a` with segment `b/p1` and source `a/b` with segment
        // `p1` are both `a/b/p1`. One match is the answer; two are refused, naming both ids.
        var matches: [(source: String, segment: String, id: SegmentID)] = []
        var slash = name.firstIndex(of: "/")
        while let index = slash {
            let sourceName = String(name[..<index])
            let externalID = String(name[name.index(after: index)...])
            if Snapshot.isKeyable(sourceName), Snapshot.isKeyable(externalID),
               let sourceID = try tables.sourceNames.get(sourceName, in: txn),
               let id = try tables.segmentKeys.get(Store.segmentKey(source: SourceID(rawValue: sourceID), externalID: externalID), in: txn) {
                matches.append((sourceName, externalID, SegmentID(rawValue: id)))
            }
            slash = name[name.index(after: index)...].firstIndex(of: "/")
        }
        guard matches.count <= 1 else {
            let readings = matches.map { "source \"\($0.source)\" segment \"\($0.segment)\" (id:\($0.id.rawValue))" }
            throw StoreError(.invalidArgument, "\"\(name)\" names two segments: \(readings.joined(separator: " and ")); name one by its id")
        }
        return matches.first?.id
    }

    /// Verdicts whose two segments are stored and selected by `plan`, with their ids.
    func exportedVerdicts<T: ReadableTransaction & ~Copyable>(_ plan: ExportPlan, in txn: borrowing T) throws
        -> [(first: SegmentID, second: SegmentID, verdict: LinkVerdict)] {
        guard let table = tables.verdicts else { return [] }
        var found: [(first: SegmentID, second: SegmentID, verdict: LinkVerdict)] = []
        try table.scan(in: txn) { _, record in
            let verdict = record.value
            if let a = try lookupSegment(named: verdict.first, in: txn), let b = try lookupSegment(named: verdict.second, in: txn),
               let x = try tables.segments.get(a.rawValue, in: txn), let y = try tables.segments.get(b.rawValue, in: txn),
               plan.admits(x), plan.admits(y) {
                found.append((a, b, verdict))
            }
            return true
        }
        return found
    }
}
