// Range reads: segments by name, interval scans by time/source/label/track, and a
// cursor page of segments in id order.
internal import LMDB

/// Which interval-index range a time scan walks.
public enum IntervalScope: Sendable, Equatable {
    /// Every segment.
    case all
    /// The segments of the source with this name.
    case source(String)
    /// The segments with this label.
    case label(String)
    /// A track id within one source.
    case track(source: String, track: String)
}

extension Snapshot {
    /// Resolves `SOURCE/EXTERNAL_ID` (the external id may itself contain `/`) or `#ID`.
    /// - Throws: `.notFound` naming what was looked for.
    public func segmentID(named name: String) throws -> SegmentID {
        if let id = try store.lookupSegment(named: name, in: txn) { return id }
        throw StoreError(.notFound, name.hasPrefix("#") || name.hasPrefix("id:") ? "no segment \(name)"
                            : "no segment \"\(name)\" (expected SOURCE/SEGMENT_ID, or id:ID for the internal id)")
    }

    /// LMDB refuses empty and over-long keys; such a name cannot be stored, so it is absent.
    static func isKeyable(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= Limits.identifierBytesMax
    }

    /// Calls `body` with every segment of `scope` whose span overlaps `window`, in index
    /// order, until it returns false. Unknown names scan nothing.
    /// - Complexity: O(levels · log n + hits).
    public func scanSegments(overlapping window: TimeSpan, in scope: IntervalScope,
                             _ body: (SegmentID, TimeSpan) throws -> Bool) throws {
        guard let (dimension, value) = try indexRange(scope) else { return }
        var visited = 0
        guard !correctedSources.isEmpty else {
            try IntervalIndex(table: tables.timeIndex).overlapping(dimension, value, window: window, in: txn) { id, span in
                visited += 1
                if visited & 255 == 0 { try checkBudget() }
                return try body(id, span)
            }
            return
        }
        // Corrected clocks: the index holds camera times, so scan the camera-time windows of
        // every corrected source too, and judge each segment on the true clock.
        let knownSource: UInt32? = dimension == .source ? value : nil
        let rawWindow = window.coveringCameraTimes(of: correctedSources.values.filter { knownSource == nil || knownSource == $0.id })
        try IntervalIndex(table: tables.timeIndex).overlapping(dimension, value, window: rawWindow, in: txn) { id, span in
            visited += 1
            if visited & 255 == 0 { try checkBudget() }
            let sourceID = try knownSource ?? tables.segments.get(id.rawValue, in: txn)?.sourceID.rawValue
            let trueSpan = sourceID.flatMap { correctedSources[$0] }.map { $0.corrected(span) } ?? span
            guard trueSpan.overlaps(window) else { return true }
            return try body(id, trueSpan)
        }
    }

    private func indexRange(_ scope: IntervalScope) throws -> (IndexDimension, UInt32)? {
        switch scope {
        case .all:
            return (.all, 0)
        case .source(let name):
            return Self.isKeyable(name) ? try tables.sourceNames.get(name, in: txn).map { (.source, $0) } : nil
        case .label(let label):
            return Self.isKeyable(label) ? try store.lookupNameID(.label, scope: 0, label, in: txn).map { (.label, $0.rawValue) } : nil
        case .track(let source, let track):
            guard Self.isKeyable(source), Self.isKeyable(track),
                  let sourceID = try tables.sourceNames.get(source, in: txn) else { return nil }
            return try store.lookupNameID(.track, scope: sourceID, track, in: txn).map { (.track, $0.rawValue) }
        }
    }

    /// Up to `limit` segments with ids greater than `after` (from the first when nil), in
    /// id order: a stable cursor over the whole store.
    /// - Complexity: O(log n + limit).
    public func segmentsPage(after: SegmentID?, limit: Int) throws -> [Segment] {
        var page: [Segment] = []
        guard limit > 0 else { return page }
        let start = (after?.rawValue ?? 0).addingReportingOverflow(1)
        guard !start.overflow else { return page }
        try tables.segments.scan(in: txn, from: start.partialValue) { id, segment in
            var segment = segment
            segment.id = SegmentID(rawValue: id)
            page.append(corrected(segment))
            return page.count < limit
        }
        return page
    }

    /// Ids of segments matching a catalog WHERE expression (see `SegmentFilter.whereExpression`).
    /// The catalog is derived from LMDB; ids it names that this snapshot lacks are dropped
    /// by the caller's record lookups.
    public func segmentIDs(matchingWhere expression: String) throws -> Set<SegmentID> {
        try store.segmentIDs(matchingWhere: expression)
    }
}

extension Snapshot {
    /// Calls `body` with every segment, in id order.
    /// - Complexity: O(n).
    public func scanAllSegments(_ body: (Segment) throws -> Void) throws {
        try tables.segments.scan(in: txn) { id, segment in
            var segment = segment
            segment.id = SegmentID(rawValue: id)
            try body(corrected(segment))
            return true
        }
    }

    /// Edges per kind, each counted once (at its outgoing end).
    /// - Complexity: O(edges).
    public func edgeCounts() throws -> [EdgeKind: Int] {
        var counts: [EdgeKind: Int] = [:]
        try tables.adjacency.scanRaw(in: txn) { _, value in
            let end = try AdjacencyEntry(decoding: value).end
            if end.direction == .outgoing { counts[end.kind, default: 0] += 1 }
            return true
        }
        return counts
    }
}

extension Snapshot {
    /// Every label a stored segment has (the names table's label entries), sorted.
    public func labels() throws -> [String] {
        var found: [String] = []
        let prefix = Store.nameKey(.label, scope: 0, "")
        try tables.names.scanRaw(in: txn, from: prefix) { key, _ in
            guard key.count >= prefix.count, Array(key.prefix(prefix.count)) == prefix else { return false }
            found.append(String(decoding: key.dropFirst(prefix.count), as: UTF8.self))
            return true
        }
        return found.sorted()
    }

    /// "no segment has label "persn"; did you mean "person"?" for each label asked for that no
    /// segment has (labels are exact and case-sensitive).
    func unknownLabelHints(_ asked: [String]) throws -> [String] {
        guard !asked.isEmpty else { return [] }
        let known = try labels()
        return asked.filter { !known.contains($0) }.map { label in
            let hint = DidYouMean.hint(for: label, among: known)
            let near = hint.isEmpty ? " (labels: \(known.prefix(12).joined(separator: ", ")))" : hint
            return "no segment has label \"\(label)\"" + near
        }
    }
}
