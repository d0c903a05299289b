// The one walk every exporter shares: selected segments in id order (= import order) inside
// one read transaction, so an export is a consistent snapshot even while another process
// imports. Nothing is collected: each segment is handed on and forgotten (bounded memory).
internal import LMDB

/// One segment as exporters see it: the record, its source, boxes and vectors.
struct ExportedSegment {
    var segment: Segment
    var source: Source
    var boxes: [Box]
    /// (space name, vector) in space-name order.
    var embeddings: [(space: String, vector: [Float])]
}

/// The selection resolved against one snapshot: source ids and the window.
struct ExportPlan {
    var sources: [UInt32: Source]
    /// Selected source ids; `nil` = all.
    var sourceIDs: Set<UInt32>?
    var window: TimeSpan?
    /// (name, id) of every embedding space, by name.
    var spaces: [(name: String, id: UInt32)]

    func admits(_ segment: Segment) -> Bool {
        if let sourceIDs, !sourceIDs.contains(segment.sourceID.rawValue) { return false }
        if let window {
            return segment.span.startNanoseconds <= window.endNanoseconds
                && segment.span.endNanoseconds >= window.startNanoseconds
        }
        return true
    }

    /// Selected sources in id order.
    var selectedSources: [Source] {
        sources.values.filter { sourceIDs?.contains($0.id) ?? true }.sorted { $0.id < $1.id }
    }
}

extension Store {
    /// Resolves `selection` in `txn`.
    /// - Throws: `StoreError.notFound` for an unknown source name.
    func exportPlan<T: ReadableTransaction & ~Copyable>(_ selection: ExportSelection, in txn: borrowing T) throws -> ExportPlan {
        let sources = try sourcesByID(in: txn, cached: false)
        var sourceIDs: Set<UInt32>?
        if !selection.sources.isEmpty {
            sourceIDs = Set(try selection.sources.map { name in
                guard let id = try tables.sourceNames.get(name, in: txn) else {
                    throw StoreError(.notFound, "unknown source \"\(name)\"")
                }
                return id
            })
        }
        var spaces: [(name: String, id: UInt32)] = []
        try tables.spaces.scan(in: txn) { name, record in spaces.append((name, record.value.id)); return true }
        let clockSource = sourceIDs.flatMap { $0.count == 1 ? sources[$0.first!] : nil }
        let selected = sourceIDs.map { ids in sources.values.filter { ids.contains($0.id) } } ?? Array(sources.values)
        let window = try selection.window.resolve(source: clockSource, clock: WindowClock(sources: selected))
        return ExportPlan(sources: sources, sourceIDs: sourceIDs, window: window, spaces: spaces)
    }

    /// Visits every selected segment in id order.
    /// - Parameter withDetails: read boxes and vectors (the graph formats need neither).
    /// - Complexity: O(n) over the segments table plus the selected segments' boxes and vectors.
    func forEachExported<T: ReadableTransaction & ~Copyable>(
        _ plan: ExportPlan, withDetails: Bool, in txn: borrowing T, _ visit: (ExportedSegment) throws -> Void
    ) throws {
        try tables.segments.scan(in: txn) { rawID, stored in
            var segment = stored
            segment.id = SegmentID(rawValue: rawID)
            guard plan.admits(segment) else { return true }
            guard let source = plan.sources[segment.sourceID.rawValue] else {
                throw StoreError(.corrupt, "segment \(segment.id) refers to missing source \(segment.sourceID.rawValue)")
            }
            var item = ExportedSegment(segment: segment, source: source, boxes: [], embeddings: [])
            if withDetails {
                item.boxes = try tables.boxes.get(rawID, in: txn)?.boxes ?? []
                for space in plan.spaces {
                    if let vector = try storedVector(space: space.id, segment: segment.id, in: txn) {
                        item.embeddings.append((space.name, vector))
                    }
                }
            }
            try visit(item)
            return true
        }
    }

    /// Every outgoing edge of `segment` whose other end is selected too, in (kind, other) order.
    /// Each stored edge has exactly one outgoing end, so every edge is visited once.
    func forEachExportedEdge<T: ReadableTransaction & ~Copyable>(
        of segment: SegmentID, _ plan: ExportPlan, in txn: borrowing T, _ visit: (Edge) throws -> Void
    ) throws {
        for end in try edgeEnds(of: segment, in: txn) where end.direction == .outgoing {
            guard let other = try tables.segments.get(end.other.rawValue, in: txn), plan.admits(other) else { continue }
            try visit(try edge(at: end, of: segment, in: txn))
        }
    }
}
