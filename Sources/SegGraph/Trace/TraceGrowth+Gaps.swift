// Filling gaps: between two accepted sightings, a sighting that lies wholly inside the gap,
// does not clash, and is the only such candidate (with an embedding, one at least as
// similar as the uncertain floor) is the person too — typically a degraded embedding no
// edge reached. It is accepted and marked `inferred`.

extension TraceGrowth {
    mutating func fillGaps(in snapshot: borrowing Snapshot) throws {
        let ordered = accepted.values.sorted { ($0.hit.segment.span.startNanoseconds, $0.hit.segment.id) < ($1.hit.segment.span.startNanoseconds, $1.hit.segment.id) }
        var inferred: [TraceSighting] = []
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            let start = a.hit.segment.span.endNanoseconds
            let end = b.hit.segment.span.startNanoseconds
            guard end > start, let gap = TimeSpan(startNanoseconds: start, endNanoseconds: end), gap.overlaps(parameters.window) else { continue }
            var found: [SegmentHit] = []
            for label in parameters.identityLabels.sorted() {
                var inside: [SegmentID] = []
                try snapshot.scanSegments(overlapping: gap, in: .label(label)) { id, span in
                    if span.startNanoseconds > start, span.endNanoseconds < end, accepted[id] == nil { inside.append(id) }
                    return true
                }
                // Cheapest test first: the vector (read once per trace), then the record.
                for id in inside.sorted() where found.count < 2 {
                    if let vector = try vector(id, in: snapshot) {
                        let similarity = seedVectors.map { cosine(vector, $0) }.max() ?? 0
                        guard similarity >= parameters.uncertainSimilarityMin else { continue }
                    }
                    guard let hit = try snapshot.hit(id), clash(with: hit) == nil, rejected(hit) == nil else { continue }
                    found.append(hit)
                }
            }
            if found.count == 1 {
                inferred.append(TraceSighting(hit: found[0], rule: .inferred, seedSimilarity: nil, groupSimilarity: nil, via: nil))
            }
        }
        for sighting in inferred {
            accepted[sighting.hit.segment.id] = sighting
            uncertain[sighting.hit.segment.id] = nil
        }
    }
}
