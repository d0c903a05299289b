// `same_as`: re-identification, defined so that the edges are a function of the stored
// segments alone — the same whatever the import order, in one import or many, and after
// `relink`.
//
// For a segment X of an identity label with a vector in the re-identification space, its
// candidates are the segments Y of the same label within `sameAsGapSecondsMax` of it,
// similar enough (cosine ≥ `sameAsSimilarityMin`, exact) and physically possible (not in two
// views at once unless declared shared; time to walk between cameras with positions). Of
// those, X keeps the best `sameAsCandidates` per camera and side (seen before X / after X):
// its likely predecessor and successor on every camera, so a hand-off is never crowded out
// by the person's many sightings on one camera. An edge X–Y exists when Y is among X's
// choices or X among Y's and the similarity reaches `sameAsSimilarityMin`, or when each is
// among the other's choices and it reaches `sameAsMutualSimilarityMin` (a noisy embedding
// whose best match on that camera is mutual).
//
// Incremental: a new segment can change only the choices of the stored segments it is a
// candidate of, so after an import exactly those and the new ones are re-decided, and every
// pair one of them chooses or is linked to is re-evaluated (added or removed).
internal import LMDB
internal import VectorIndex

extension Linker {
    mutating func linkSameAs(_ newSegments: [SegmentID]) throws {
        guard let space = try store.tables.spaces.get(configuration.reidSpace, in: txn)?.value else { return }
        let identity = Set(configuration.identityLabels)
        var touched: Set<SegmentID> = []
        for id in newSegments {
            let segment = try record(id)
            guard identity.contains(segment.label), try reidVector(id, space: space.id) != nil else { continue }
            touched.insert(id)
            // Symmetric: the stored segments this one is a candidate of are its own candidates.
            for candidate in try sameAsCandidates(of: segment, space: space.id) { touched.insert(candidate.id) }
        }
        for id in touched.sorted() {
            let segment = try record(id)
            let chosen = try sameAsChoices(of: segment, space: space.id)
            var pairs = Set(chosen.map(\.id))
            for end in try store.edgeEnds(of: id, in: txn) where end.kind == .sameAs { pairs.insert(end.other) }
            for other in pairs.sorted() { try decideSameAs(segment, try record(other), space: space.id, chosenByFirst: chosen) }
        }
    }

    /// Adds or removes the edge between `a` and `b` so it exists exactly when one chooses the other.
    private mutating func decideSameAs(_ a: Segment, _ b: Segment, space: UInt32, chosenByFirst: [SameAsCandidate]) throws {
        // Above `sameAsSimilarityMin` one side's choice is enough; between the mutual floor
        // and it, both must choose each other (a degraded embedding's only plausible match).
        let chosenByA = chosenByFirst.first { $0.id == b.id }
        let chosenByB = try sameAsChoices(of: b, space: space).first { $0.id == a.id }
        var linked = chosenByA ?? chosenByB
        if let link = linked, link.similarity < configuration.sameAsSimilarityMin, chosenByA == nil || chosenByB == nil {
            linked = nil
        }
        // Direction and gap on the true clock (cameras with a `set-clock` correction).
        let (trueA, trueB) = (onTrueClock(a), onTrueClock(b))
        let (from, to) = precedes(trueA, trueB) ? (trueA, trueB) : (trueB, trueA)
        let present = try store.edgeEnds(of: from.id, in: txn).contains(EdgeEnd(kind: .sameAs, direction: .outgoing, other: to.id))
        switch (linked, present) {
        case (let link?, false):
            try add(Edge(kind: .sameAs, from: from.id, to: to.id, properties: [
                (.similarity, link.similarity), (.gapSeconds, Double(to.span.startNanoseconds - from.span.endNanoseconds) / 1e9),
                (.rule, Double(link.rule)), (.walkSeconds, link.walkSeconds),
            ]))
        case (nil, true):
            try store.removeEdge(.sameAs, from: from.id, to: to.id, in: txn)
        default:
            break
        }
    }

    /// The best candidates of `segment` per (camera, side), best first within each.
    mutating func sameAsChoices(of segment: Segment, space: UInt32) throws -> [SameAsCandidate] {
        let perSlot = max(1, configuration.sameAsCandidates)
        var slots: [SameAsSlot: [SameAsCandidate]] = [:]
        for candidate in try sameAsCandidates(of: segment, space: space) {
            slots[candidate.slot, default: []].append(candidate)
        }
        return slots.values.flatMap { $0.sorted(by: SameAsCandidate.isBetter).prefix(perSlot) }
    }

    /// Every segment `segment` could be the same individual as (see the file header).
    /// Memoised: every segment is stored before linking starts, so candidates do not change.
    /// - Complexity: O(w · d) for w segments of the label in the window, dimension d.
    mutating func sameAsCandidates(of segment: Segment, space: UInt32) throws -> [SameAsCandidate] {
        if let known = sameAsCandidateCache[segment.id] { return known }
        let candidates = try computeSameAsCandidates(of: segment, space: space)
        sameAsCandidateCache[segment.id] = candidates
        return candidates
    }

    private mutating func computeSameAsCandidates(of recorded: Segment, space: UInt32) throws -> [SameAsCandidate] {
        guard let query = try reidVector(recorded.id, space: space),
              let labelID = try store.lookupNameID(.label, scope: 0, recorded.label, in: txn) else { return [] }
        // Times on the true clock: a camera whose clock is off (`sources set-clock`) is judged
        // by when things happened, not by what its clock said.
        let segment = onTrueClock(recorded)
        let gap = Nanoseconds.from(seconds: max(0, configuration.sameAsGapSecondsMax)) ?? Int64.max / 4
        let window = TimeSpan(startNanoseconds: segment.span.startNanoseconds &- gap, endNanoseconds: segment.span.endNanoseconds &+ gap)
            ?? segment.span
        // Concurrent sightings are never one individual unless views are shared: skip them
        // before reading their vectors (a busy window is mostly people present at once).
        let concurrentPossible = !configuration.sharedViews.isEmpty
        var ids: [SegmentID] = []
        try IntervalIndex(table: store.tables.timeIndex).overlapping(.label, labelID.rawValue, window: hasClockCorrections ? window.coveringCameraTimes(of: sources.values) : window, in: txn) { id, span in
            if id != segment.id && (concurrentPossible || hasClockCorrections || !span.overlaps(segment.span)) { ids.append(id) }
            return true
        }
        var candidates: [SameAsCandidate] = []
        for id in ids {
            // Two statements: `onTrueClock(try record(id))` would copy self (and its record
            // cache) before `record` mutates it, copying the whole dictionary every time.
            if hasClockCorrections {
                let recorded = try record(id)
                let other = onTrueClock(recorded)
                guard other.span.overlaps(window), concurrentPossible || !other.span.overlaps(segment.span) else { continue }
            }
            guard let vector = try reidVector(id, space: space) else { continue }
            let similarity = Double(query.withUnsafeBufferPointer { q in vector.withUnsafeBufferPointer { dotProduct(q, $0) } })
            guard similarity >= min(configuration.sameAsSimilarityMin, configuration.sameAsMutualSimilarityMin) else { continue }
            let recorded = try record(id)
            let other = onTrueClock(recorded)
            guard let (rule, walk) = feasibility(segment, other) else { continue }
            candidates.append(SameAsCandidate(
                id: id, slot: SameAsSlot(source: other.sourceID.rawValue, before: precedes(other, segment)),
                similarity: similarity, rule: rule, walkSeconds: walk,
                order: (other.span.startNanoseconds, other.span.endNanoseconds, source(of: other).name, other.externalID)))
        }
        return candidates
    }

    /// `segment` with its times on the true clock of its source (unchanged without a correction).
    func onTrueClock(_ segment: Segment) -> Segment {
        hasClockCorrections ? segment.corrected(by: source(of: segment)) : segment
    }

    /// A segment's normalised vector in the re-identification space; `nil` without one (or all zeros).
    mutating func reidVector(_ id: SegmentID, space: UInt32) throws -> [Float]? {
        if let known = reidVectors[id] { return known }
        var vector = try store.storedVector(space: space, segment: id, in: txn)
        if let stored = vector, stored.contains(where: { $0 != 0 }) {
            vector = stored
            vector!.withUnsafeMutableBufferPointer { normalise($0) }
        } else {
            vector = nil
        }
        reidVectors[id] = vector
        return vector
    }

    /// The rule under which `a` and `b` (times on the true clock) can be one individual, with
    /// the walk time it assumed; nil when they cannot.
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

/// Where a candidate was seen relative to the segment choosing: one camera, one side.
struct SameAsSlot: Hashable {
    var source: UInt32
    var before: Bool
}

/// A segment that may be the same individual, with what the edge would record.
struct SameAsCandidate {
    var id: SegmentID
    var slot: SameAsSlot
    var similarity: Double
    var rule: Int
    var walkSeconds: Double
    /// (start, end, source name, external id): ties broken by what the data says, never by
    /// internal ids, which follow import order.
    var order: (Int64, Int64, String, String)

    static func isBetter(_ a: Self, _ b: Self) -> Bool {
        if a.similarity != b.similarity { return a.similarity > b.similarity }
        return a.order < b.order
    }
}
