// Typed reads of single records: segments, sources, boxes, embeddings, edges.
internal import LMDB

extension Snapshot {
    /// The segment with internal id `id`, or `nil`.
    /// - Throws: `StoreError` kind `.corrupt` when the stored record does not decode.
    public func segment(_ id: SegmentID) throws -> Segment? {
        try checkBudget()
        guard var segment = try tables.segments.get(id.rawValue, in: txn) else { return nil }
        segment.id = id
        return correctedSources.isEmpty ? segment : corrected(segment)
    }

    /// The segment and its source, or `nil` when there is no such segment.
    /// - Throws: `.corrupt` when the segment's source is missing.
    public func hit(_ id: SegmentID) throws -> SegmentHit? {
        guard let segment = try segment(id) else { return nil }
        return SegmentHit(segment: segment, source: try source(of: segment))
    }

    /// `segment` on the true clock when its source has a clock correction.
    func corrected(_ segment: Segment) -> Segment {
        guard let source = correctedSources[segment.sourceID.rawValue] else { return segment }
        return segment.corrected(by: source)
    }

    /// The segment and its source.
    /// - Throws: `.notFound` naming the segment.
    public func requireHit(_ id: SegmentID) throws -> SegmentHit {
        guard let hit = try hit(id) else { throw StoreError(.notFound, "no segment \(id)") }
        return hit
    }

    /// The source a segment belongs to.
    /// - Throws: `.corrupt` naming the segment and the missing source.
    public func source(of segment: Segment) throws -> Source {
        guard let source = try sourcesByID()[segment.sourceID.rawValue] else {
            throw StoreError(.corrupt, "segment \(segment.id) refers to missing source \(segment.sourceID.rawValue) (table sources)")
        }
        return source
    }

    /// Every source by internal id (decoded once per store generation).
    /// - Complexity: O(1) after the first call for this generation (every hit asks for its source).
    public func sourcesByID() throws -> [UInt32: Source] {
        try store.sourcesByID(in: txn, generation: generation)
    }

    /// Every source, ordered by name.
    public func sources() throws -> [Source] {
        try sourcesByID().values.sorted { $0.name < $1.name }
    }

    /// A source by name.
    /// - Throws: `.notFound` naming the source.
    public func source(named name: String) throws -> Source {
        guard let id = try tables.sourceNames.get(name, in: txn), let source = try sourcesByID()[id] else {
            let names = try sourcesByID().values.map(\.name)
            let near = DidYouMean.hint(for: name, among: names)
            throw StoreError(.notFound, "unknown source \"\(name)\"\(near)", parameter: "source")
        }
        return source
    }

    /// The stored boxes of a segment, in frame order (empty when it has none).
    public func boxes(of id: SegmentID) throws -> [Box] {
        try tables.boxes.get(id.rawValue, in: txn)?.boxes ?? []
    }

    /// A segment's embedding in space `name`, or `nil` when the space or the vector is absent.
    public func embedding(of id: SegmentID, space name: String) throws -> [Float]? {
        guard let space = try embeddingSpace(named: name) else { return nil }
        return try vector(of: id, spaceID: space.id)
    }

    /// A segment's vector in a space already resolved (no name lookup per call), or `nil`.
    func vector(of id: SegmentID, spaceID: UInt32) throws -> [Float]? {
        try store.storedVector(space: spaceID, segment: id, in: txn)
    }

    /// Whether a segment has a vector in a space (no bytes copied: `show` lists spaces only).
    func hasVector(of id: SegmentID, spaceID: UInt32) throws -> Bool {
        try tables.vectors.contains(Store.vectorKey(space: spaceID, id), in: txn)
    }

    /// An embedding space by name, or `nil`.
    public func embeddingSpace(named name: String) throws -> EmbeddingSpace? {
        guard !name.isEmpty, name.utf8.count <= Limits.identifierBytesMax else { return nil }
        // From the per-generation list: decoding the record's JSON was 4 % of a quick search.
        return try embeddingSpaces().first { $0.name == name }
    }

    /// Every embedding space, by name.
    public func embeddingSpaces() throws -> [EmbeddingSpace] {
        // Kept per generation like the sources: `show` lists them on every call.
        if let cached = store.spaceCache.get(generation: generation) { return cached }
        var spaces: [EmbeddingSpace] = []
        try tables.spaces.scan(in: txn) { _, record in spaces.append(record.value); return true }
        store.spaceCache.set(spaces, generation: generation)
        return spaces
    }

    /// The edge ends stored at `segment`, in (kind, direction, other) order, restricted
    /// to `kinds` (all when empty).
    /// - Complexity: O(log n + degree).
    public func edgeEnds(of segment: SegmentID, kinds: Set<EdgeKind> = []) throws -> [EdgeEnd] {
        try checkBudget()
        let ends = try store.edgeEnds(of: segment, in: txn)
        return kinds.isEmpty ? ends : ends.filter { kinds.contains($0.kind) }
    }

    /// The edge behind `end` as seen from `segment`, with its properties.
    public func edge(at end: EdgeEnd, of segment: SegmentID) throws -> Edge {
        try store.edge(at: end, of: segment, in: txn)
    }

    /// One entry of the import ledger, or `nil`.
    public func importRecord(_ id: ImportID) throws -> ImportRecord? {
        let ledger = try cachedLedger()
        return ledger.position[id.rawValue].map { ledger.records[$0] }
    }

    /// The import ledger, oldest first.
    public func importLedger() throws -> [ImportRecord] {
        try cachedLedger().records
    }

    /// The ledger decoded once per generation: every `show` and every trace answer cites
    /// imports, and decoding a JSON record was half of a `show`'s time (perf).
    private func cachedLedger() throws -> ImportLedger {
        if let cached = store.ledgerCache.get(generation: generation) { return cached }
        var ledger = ImportLedger()
        try tables.imports.scan(in: txn) { key, record in
            ledger.position[key] = ledger.records.count
            ledger.records.append(record.value)
            return true
        }
        store.ledgerCache.set(ledger, generation: generation)
        return ledger
    }

    /// The store's configuration (thresholds and defaults).
    public func configuration() throws -> StoreConfiguration {
        if let known = store.configurationCache.get(generation: generation) { return known }
        let decoded = try store.configuration(in: txn)
        store.configurationCache.set(decoded, generation: generation)
        return decoded
    }
}

/// The import ledger in key order, with each import's position.
struct ImportLedger: Sendable {
    var records: [ImportRecord] = []
    var position: [UInt32: Int] = [:]
}
