// `same_as`: re-identification. For each new individual segment with an embedding in the
// re-identification space, its nearest neighbours (HNSW, same label, other segments)
// become `same_as` edges when similar enough and physically possible: not in two views
// at once (unless the views are declared shared), and — when both cameras have positions
// — with enough time between the sightings to walk from one camera to the other.
// Candidates come from an approximate index, so unlike the other rules the result can
// depend on import order at the margin (a near-tie just outside the k examined).
internal import LMDB
internal import VectorIndex

extension Linker {
    /// Search breadth for re-identification candidates: a few times k is enough for the
    /// nearest ten; the default `similar` breadth would double the linking time.
    static let sameAsExpansion = 40

    mutating func linkSameAs(_ newSegments: [SegmentID]) throws {
        guard let space = try store.tables.spaces.get(configuration.reidSpace, in: txn)?.value,
              let header = try store.tables.hnswMeta.get(space.id, in: txn)?.value else { return }
        let identity = Set(configuration.identityLabels)
        let storage = LMDBHNSWStorage(tables: store.tables, txn: txn, space: space.id, header: header,
                                      context: vectorCache.context(space: space.id))
        let index = HNSWIndex(storage: storage, metric: .cosine, parameters: storage.parameters)
        let labels = LabelLookup(tables: store.tables, txn: txn)
        for id in newSegments {
            let segment = try record(id)
            guard identity.contains(segment.label), var query = try store.storedVector(space: space.id, segment: id, in: txn),
                  query.contains(where: { $0 != 0 }) else { continue }
            query.withUnsafeMutableBufferPointer { normalise($0) }
            let label = segment.label
            let results = index.search(query, k: configuration.sameAsCandidates, expansionSearch: Self.sameAsExpansion, where: { node in
                let other = storage.segment(of: node)
                return other != id && labels.label(of: other) == label
            })
            if let failure = labels.failure ?? storage.failure { throw failure }
            for result in results {
                let similarity = Double(1 - result.distance)
                guard similarity >= configuration.sameAsSimilarityMin else { continue }
                let other = try record(storage.segment(of: result.id))
                guard let (rule, walk) = feasibility(segment, other) else { continue }
                let (from, to) = precedes(segment, other) ? (segment, other) : (other, segment)
                guard try !store.edgeEnds(of: from.id, in: txn).contains(EdgeEnd(kind: .sameAs, direction: .outgoing, other: to.id)) else { continue }
                try add(Edge(kind: .sameAs, from: from.id, to: to.id, properties: [
                    (.similarity, similarity), (.gapSeconds, Double(to.span.startNanoseconds - from.span.endNanoseconds) / 1e9),
                    (.rule, Double(rule)), (.walkSeconds, walk),
                ]))
            }
        }
    }

    /// The rule under which `a` and `b` can be one individual, with the walk time it
    /// assumed; nil when they cannot.
    func feasibility(_ a: Segment, _ b: Segment) -> (rule: Int, walkSeconds: Double)? {
        let overlapping = a.span.overlaps(b.span)
        if a.sourceID == b.sourceID {
            // One view, two boxes at once: two individuals. One track: `next` says it already.
            guard !overlapping, a.trackID == nil || a.trackID != b.trackID else { return nil }
            return (1, 0)
        }
        let sourceA = source(of: a)
        let sourceB = source(of: b)
        if overlapping {
            let shared = configuration.sharedViews.contains { $0.contains(sourceA.name) && $0.contains(sourceB.name) }
            return shared ? (3, 0) : nil
        }
        guard let p = sourceA.position, let q = sourceB.position, p.count == 2, q.count == 2,
              configuration.walkingSpeedMaxMetersPerSecond > 0 else { return (1, 0) }
        let distance = ((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])).squareRoot()
        let walk = distance / configuration.walkingSpeedMaxMetersPerSecond
        let (first, second) = precedes(a, b) ? (a, b) : (b, a)
        let gap = Double(second.span.startNanoseconds - first.span.endNanoseconds) / 1e9
        return gap >= walk ? (2, walk) : nil
    }
}

/// Labels by segment, read once each: the search filter asks for many candidates' labels.
final class LabelLookup {
    private let tables: StoreTables
    private let txn: UnsafeWriteTransactionReference
    private var cache: [SegmentID: String] = [:]

    init(tables: StoreTables, txn: UnsafeWriteTransactionReference) {
        self.tables = tables
        self.txn = txn
    }

    /// The first read error; the search filter cannot throw, so the caller checks this after.
    private(set) var failure: (any Error)?

    func label(of segment: SegmentID) -> String? {
        if let label = cache[segment] { return label }
        do {
            let label = try tables.segments.get(segment.rawValue, in: txn)?.label
            cache[segment] = label
            return label
        } catch {
            if failure == nil { failure = error }
            return nil
        }
    }
}
