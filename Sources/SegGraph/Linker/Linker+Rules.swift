// The four rules: next, near, holds/wears/rides, during.
internal import LMDB

extension Linker {
    /// `next`: the track's segments in time order, each linked to the following one when
    /// the gap is small enough. Recomputed for the whole track, so a segment arriving in
    /// the middle re-threads the chain.
    mutating func linkTrack(_ track: TrackRef) throws {
        guard let nameID = try store.lookupNameID(.track, scope: track.source, track.track, in: txn) else { return }
        var members: [Segment] = []
        try IntervalIndex(table: store.tables.timeIndex).all(.track, nameID.rawValue, in: txn) { _, id, _ in
            members.append(try record(id))
            return true
        }
        members.sort(by: precedes)
        for member in members { try removeEdges(of: member.id, kinds: [.next], direction: .outgoing) }
        for (earlier, later) in zip(members, members.dropFirst()) {
            let gap = Double(later.span.startNanoseconds - earlier.span.endNanoseconds) / 1e9
            guard gap <= configuration.nextGapSecondsMax else { continue }
            try add(Edge(kind: .next, from: earlier.id, to: later.id, properties: [(.gapSeconds, gap)]))
        }
    }

    /// `near`: every pair with at least one new segment, judged frame by frame.
    mutating func linkNear(_ newSegments: [SegmentID], newSet: Set<SegmentID>) throws {
        let labels = Set(configuration.nearLabels)
        for id in newSegments {
            let segment = try record(id)
            guard labels.contains(segment.label) else { continue }
            for otherID in try overlapping(segment) {
                if newSet.contains(otherID) && otherID < id { continue }
                let other = try record(otherID)
                guard labels.contains(other.label) else { continue }
                let pairs = try timeline(id).aligned(with: try timeline(otherID), toleranceNanoseconds: alignmentTolerance(source(of: segment)))
                guard let measure = measureNear(pairs, distanceRelativeMax: configuration.nearDistanceRelativeMax) else { continue }
                let closeSeconds = framesDurationSeconds(measure.closeFrames, source(of: segment), pairs: pairs)
                guard closeSeconds >= configuration.nearDurationSecondsMin else { continue }
                let (from, to) = precedes(segment, other) ? (segment, other) : (other, segment)
                try add(Edge(kind: .near, from: from.id, to: to.id, properties: [
                    (.overlapSeconds, overlapSeconds(segment.span, other.span)), (.closeSeconds, closeSeconds),
                    (.distanceMin, measure.distanceMin), (.distanceMean, measure.distanceMean),
                    (.framesCompared, Double(measure.framesCompared)),
                ]))
            }
        }
    }

    /// `holds`/`wears`/`rides`: the object's best carrier, if one qualifies (attached in most
    /// frames, for long enough, at a steady offset). Best = highest `attachmentScore`, then
    /// most attached, then earliest.
    mutating func linkCarrier(of objectID: SegmentID) throws {
        try removeEdges(of: objectID, kinds: EdgeKind.attachments, direction: .incoming)
        let object = try record(objectID)
        guard let kindName = configuration.attachmentKinds[object.label], let kind = EdgeKind(name: kindName),
              EdgeKind.attachments.contains(kind) else { return }
        let objectTimeline = try timeline(objectID)
        var best: (carrier: Segment, measure: AttachmentMeasure)?
        for carrierID in try overlapping(object) {
            let carrier = try record(carrierID)
            guard configuration.carrierLabels.contains(carrier.label) else { continue }
            let pairs = try timeline(carrierID).aligned(with: objectTimeline, toleranceNanoseconds: alignmentTolerance(source(of: object)))
                .map { (carrier: $0.0, object: $0.1) }
            guard pairs.count >= 3, pairs.count * 2 >= objectTimeline.boxes.count,
                  let measure = measureAttachment(pairs, marginRelative: configuration.attachmentMarginRelative,
                                                  containmentMin: configuration.attachmentContainmentMin),
                  measure.attachedFraction >= configuration.attachmentFractionMin,
                  measure.offsetSpread <= configuration.attachmentOffsetSpreadMax,
                  attachedSeconds(measure, pairs, source(of: object)) >= configuration.attachmentSecondsMin else { continue }
            if let current = best {
                let score = attachmentScore(measure, kind: kind), currentScore = attachmentScore(current.measure, kind: kind)
                let better = (score, measure.attachedFraction) > (currentScore, current.measure.attachedFraction)
                let tie = (score, measure.attachedFraction) == (currentScore, current.measure.attachedFraction)
                guard better || (tie && precedes(carrier, current.carrier)) else { continue }
            }
            best = (carrier, measure)
        }
        guard let best else { return }
        try add(Edge(kind: kind, from: best.carrier.id, to: objectID, properties: [
            (.fraction, best.measure.attachedFraction), (.offsetSpread, best.measure.offsetSpread),
            (.framesCompared, Double(best.measure.framesCompared)), (.overlapSeconds, overlapSeconds(best.carrier.span, object.span)),
        ]))
    }

    /// Seconds the object was seen attached: at the source's rate, else at the compared boxes'
    /// mean spacing (only then are the pairs re-labelled for `framesDurationSeconds`).
    private func attachedSeconds(_ measure: AttachmentMeasure, _ pairs: [(carrier: TimedBox, object: TimedBox)], _ source: Source) -> Double {
        if let fps = source.framesPerSecond, fps > 0 { return Double(measure.attachedFrames) / fps }
        return framesDurationSeconds(measure.attachedFrames, source, pairs: pairs.map { ($0.carrier, $0.object) })
    }

    /// How much `measure` says "carried by this one": the object lies inside the person's own
    /// box (of two people side by side, both have it inside their grown boxes) and keeps its
    /// place as they move (a passer-by overlapping a bicycle drifts against it); what one rides
    /// or pushes also stands where they stand (someone in front of a cart, nearer the camera,
    /// has their feet lower in the image). Each term is a share: containment 0…1 minus the
    /// offset spread as a share of its limit, minus (for `rides`) the ground gap in quarters
    /// of the person's height.
    func attachmentScore(_ measure: AttachmentMeasure, kind: EdgeKind) -> Double {
        let spreadLimit = max(configuration.attachmentOffsetSpreadMax, 1e-9)
        let ground = kind == .rides ? measure.groundGap / Self.ridesGroundGapScale : 0
        return measure.containedFraction - measure.offsetSpread / spreadLimit - ground
    }

    /// `during`: individuals overlapping the activity in time and, when it has boxes, in space.
    /// With boxes, the participants are the fewest that explain the activity's box: of the
    /// candidates (mostly inside it, in enough frames), the group whose surrounding box fits
    /// the activity's box best, each member having to earn its place. A bystander
    /// inside a near miss's box, or next to a fall, adds nothing and is left out.
    mutating func linkParticipants(of activityID: SegmentID) throws {
        try removeEdges(of: activityID, kinds: [.during], direction: .incoming)
        let activity = try record(activityID)
        guard activity.type == "activity" else { return }
        let activityTimeline = try timeline(activityID)
        var candidates: [ParticipantCandidate] = []
        for participantID in try overlapping(activity) {
            let participant = try record(participantID)
            guard participant.type != "activity", configuration.identityLabels.contains(participant.label) else { continue }
            guard !activityTimeline.boxes.isEmpty else {
                try addDuring(participant, activity, fraction: 1)
                continue
            }
            let pairs = try timeline(participantID).aligned(with: activityTimeline, toleranceNanoseconds: alignmentTolerance(source(of: activity)))
                .map { (participant: $0.0, activity: $0.1) }
            let fraction = overlapFraction(pairs, overlapMin: Self.duringBoxOverlapMin)
            guard !pairs.isEmpty, fraction >= configuration.duringOverlapFractionMin else { continue }
            candidates.append(ParticipantCandidate(segment: participant, fraction: fraction,
                                                   boxes: Dictionary(pairs.map { ($0.activity.timeNanoseconds, $0.participant.box) }) { a, _ in a }))
        }
        let frames = activityTimeline.boxes
        func fit(_ chosen: [ParticipantCandidate]) -> Double {
            var total = 0.0
            for frame in frames {
                let boxes = chosen.compactMap { $0.boxes[frame.timeNanoseconds] }
                if let first = boxes.first { total += intersectionOverUnion(boxes.dropFirst().reduce(first) { $0.union($1) }, frame.box) }
            }
            return total / Double(max(1, frames.count))
        }
        // Every group of one to three of the best-fitting candidates is scored by
        // its fit minus `duringFitGainMin` per member: the fewest that explain the box win (a
        // greedy pass would keep a large bystander picked first). Ties: fewer, then earlier.
        candidates.sort { precedes($0.segment, $1.segment) }
        let fitAlone = candidates.map { fit([$0]) }
        let pool = candidates.indices.sorted { fitAlone[$0] > fitAlone[$1] }.prefix(Self.duringCandidatesMax).sorted()
        var chosen: [ParticipantCandidate] = []
        var bestScore = 0.0
        func consider(_ group: [Int]) {
            let members = group.map { candidates[$0] }
            let score = fit(members) - Self.duringFitGainMin * Double(group.count)
            if score > bestScore + 1e-9 { (bestScore, chosen) = (score, members) }
        }
        for (i, a) in pool.enumerated() {
            consider([a])
            for (j, b) in pool.enumerated() where j > i {
                consider([a, b])
                for c in pool.dropFirst(j + 1) { consider([a, b, c]) }
            }
        }
        for participant in chosen.sorted(by: { precedes($0.segment, $1.segment) }) {
            try addDuring(participant.segment, activity, fraction: participant.fraction)
        }
    }

    private mutating func addDuring(_ participant: Segment, _ activity: Segment, fraction: Double) throws {
        try add(Edge(kind: .during, from: participant.id, to: activity.id, properties: [
            (.overlapSeconds, overlapSeconds(participant.span, activity.span)), (.fraction, fraction),
        ]))
    }
}

/// A possible participant of an activity: its boxes by the activity's frame times.
struct ParticipantCandidate {
    var segment: Segment
    var fraction: Double
    var boxes: [Int64: Box]
}
