// `find --group-by individual`: the hits of one individual together. An individual is what
// the store links as one: the hits joined by `next`/`same_as` edges (Snapshot.identity),
// less links an investigator rejected (`link reject`). Each group shows the objects its
// sightings hold, wear or ride, so "who carried a bag" says which bag.

/// The hits of one individual, with what they carried.
public struct Individual: Sendable {
    /// The hits, by (start, id).
    public var sightings: [SegmentHit]
    /// Objects attached to any sighting by holds/wears/rides: (edge kind, the object's hit).
    public var objects: [(kind: EdgeKind, object: SegmentHit)]

    /// Groups `hits` by identity; groups by their first sighting's (start, id).
    /// - Complexity: O(h · identity size) edge reads for h hits.
    static func group(_ hits: [SegmentHit], in snapshot: borrowing Snapshot) throws -> [Individual] {
        let verdicts = try TraceVerdicts(try snapshot.verdicts(), in: snapshot)
        var groupOf: [SegmentID: Int] = [:]
        var groups: [[SegmentHit]] = []
        for hit in hits {
            if let known = groupOf[hit.segment.id] {
                groups[known].append(hit)
                continue
            }
            let members = try snapshot.identity(of: hit.segment.id) { verdicts.rejection($0, $1) == nil }
            let index = groups.count
            for member in members { groupOf[member] = index }
            groups.append([hit])
        }
        return try groups.map { sightings in
            var objects: [(kind: EdgeKind, object: SegmentHit)] = []
            var seen: Set<SegmentID> = []
            for sighting in sightings {
                for end in try snapshot.edgeEnds(of: sighting.segment.id, kinds: [.holds, .wears, .rides])
                where seen.insert(end.other).inserted {
                    if let object = try snapshot.hit(end.other) { objects.append((end.kind, object)) }
                }
            }
            return Individual(sightings: sightings, objects: objects)
        }
    }

    static func answer(_ individuals: [Individual], truncated: Bool) -> Answer {
        let rows = individuals.enumerated().map { number, individual in
            let first = individual.sightings[0]
            let last = individual.sightings.max { $0.segment.span.endNanoseconds < $1.segment.span.endNanoseconds }!
            var cameras: [String] = []
            for sighting in individual.sightings where !cameras.contains(sighting.source.name) { cameras.append(sighting.source.name) }
            return AnswerValue.object([
                AnswerField("individual", .int(number + 1)),
                AnswerField("first_segment", .string(first.name)),
                AnswerField("sightings", .int(individual.sightings.count)),
                AnswerField("cameras", .string(cameras.joined(separator: ","))),
                AnswerField("first", .string(TimeDisplay.format(first.segment.span.startNanoseconds, source: first.source))),
                AnswerField("last", .string(TimeDisplay.format(last.segment.span.endNanoseconds, source: last.source))),
                AnswerField("objects", .string(individual.objects.map { "\($0.kind) \($0.object.segment.label) \($0.object.name)" }.joined(separator: "; "))),
                AnswerField("members", .array(individual.sightings.map { .string($0.name) })),
            ])
        }
        return Answer(list: rows, columns: ["individual", "first_segment", "sightings", "cameras", "first", "last", "objects"].map { AnswerColumn($0) },
                      notes: truncated ? ["… stopped at the limit of hits; more segments match (raise the limit or narrow the query)"] : [])
    }
}
