// Past the ends of the journey: a hand-off no edge records (the embedding too noisy for
// `same_as`) is looked for where the learned topology says people go next. From the last
// sighting, on each camera people walk to from there, within the transit times they took
// (`TopologyPair.plausibleTransitSeconds`), the candidates similar to the person at least to the
// uncertain floor are counted; exactly one, similar to the person at least to
// `topologySimilarityMin`, is accepted (rule `topology`) and growth continues from it over its
// edges. The same backwards from the first sighting. Two candidates: neither is taken.

extension TraceGrowth {
    /// Similarity to the person a sighting found through the topology needs (it is also the
    /// only plausible one in its transit window, which an edge-reached sighting need not be).
    static let topologySimilarityMin = 0.5
    /// Journey extensions per trace (bounds the work of a long journey).
    static let topologyStepsMax = 64
    /// Segments of one camera's transit window examined at most.
    static let topologyCandidatesMax = 48

    mutating func extendOverTopology(in snapshot: borrowing Snapshot) throws {
        guard !parameters.topology.pairs.isEmpty, acceptedVectorCount > 0 else { return }
        for _ in 0..<Self.topologyStepsMax {
            guard let found = try nextOverTopology(forward: true, in: snapshot) ?? nextOverTopology(forward: false, in: snapshot) else { return }
            accept(found.hit, rule: .topology, seedSimilarity: found.seedSimilarity, groupSimilarity: found.groupSimilarity, via: found.via)
            try offerNeighbours(of: found.hit.segment.id, in: snapshot)
            try grow(in: snapshot)
        }
    }

    /// The one plausible continuation after the journey's last sighting (or before its first).
    private mutating func nextOverTopology(forward: Bool, in snapshot: borrowing Snapshot) throws
        -> (hit: SegmentHit, seedSimilarity: Double, groupSimilarity: Double, via: SegmentID)? {
        let ordered = accepted.values.sorted { ($0.hit.segment.span.endNanoseconds, $0.hit.segment.id) < ($1.hit.segment.span.endNanoseconds, $1.hit.segment.id) }
        guard let end = forward ? ordered.last : ordered.min(by: { ($0.hit.segment.span.startNanoseconds, $0.hit.segment.id) < ($1.hit.segment.span.startNanoseconds, $1.hit.segment.id) }) else { return nil }
        // Only a journey that ends (or starts) inside the answer's window can gain a visit.
        if forward ? end.hit.segment.span.endNanoseconds >= parameters.window.endNanoseconds
                   : end.hit.segment.span.startNanoseconds <= parameters.window.startNanoseconds { return nil }
        let camera = end.hit.source.name
        let pairs = forward ? parameters.topology.exits(from: camera) : parameters.topology.entries(to: camera)
        var plausible: [(hit: SegmentHit, seed: Double, group: Double)] = []
        for pair in pairs {
            let transit = pair.plausibleTransitSeconds
            let (near, far) = (Int64(transit.lowerBound * 1e9), Int64(transit.upperBound * 1e9))
            let window = forward
                ? TimeSpan(startNanoseconds: end.hit.segment.span.endNanoseconds + near, endNanoseconds: end.hit.segment.span.endNanoseconds + far)
                : TimeSpan(startNanoseconds: end.hit.segment.span.startNanoseconds - far, endNanoseconds: end.hit.segment.span.startNanoseconds - near)
            guard let window, window.overlaps(parameters.reach) else { continue }
            var inside: [SegmentID] = []
            try snapshot.scanSegments(overlapping: window, in: .source(forward ? pair.to : pair.from)) { id, span in
                let edge = forward ? span.startNanoseconds : span.endNanoseconds
                if edge >= window.startNanoseconds, edge <= window.endNanoseconds, accepted[id] == nil { inside.append(id) }
                return true
            }
            // A crowded window has no "only plausible" sighting worth the reads: give up early.
            guard inside.count <= Self.topologyCandidatesMax else { return nil }
            for id in inside.sorted() {
                // The record first: most of a camera's segments are objects, whose vectors the
                // person is never compared with.
                guard let hit = try snapshot.hit(id), parameters.identityLabels.contains(hit.segment.label),
                      let vector = try vector(id, in: snapshot) else { continue }
                let seed = seedVectors.map { cosine(vector, $0) }.max() ?? 0
                let group = cosine(vector, acceptedSum) / Double(acceptedVectorCount)
                guard min(seed, group) >= parameters.uncertainSimilarityMin, clash(with: hit) == nil, rejected(hit) == nil else { continue }
                plausible.append((hit, seed, group))
                if plausible.count > 1 { return nil }
            }
        }
        guard let only = plausible.first, min(only.seed, only.group) >= Self.topologySimilarityMin else { return nil }
        return (only.hit, only.seed, only.group, end.hit.segment.id)
    }
}
