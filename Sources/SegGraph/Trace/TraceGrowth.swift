// Growing an identity for `trace`: from the seed, candidates reached over `next` and
// `same_as` edges (and, for a vector seed, by similarity) are taken best first and accepted
// only when they are similar enough to the seed and to what is already accepted, and never
// in two places at once. A wrong edge therefore cannot drag a look-alike's whole journey in:
// its sightings clash in time or in appearance with the person already accepted.
internal import Foundation
internal import HeapModule
internal import VectorIndex

/// Why a sighting belongs to the traced identity.
public enum TraceRule: String, Sendable {
    /// A seed segment.
    case seed
    /// The same track continues (`next`).
    case track
    /// A `same_as` edge, checked against the seed and the accepted sightings.
    case reidentified = "same_as"
    /// Found by similarity to a query vector.
    case similar
    /// The only feasible candidate in a gap between two accepted sightings.
    case inferred
    /// An investigator confirmed the link (`seggraph link confirm`): accepted without checks.
    case confirmed
    /// No edge, but the only plausible sighting where the learned topology says the person
    /// went next (or came from), within the transit times people took.
    case topology
}

/// One accepted sighting with its evidence.
public struct TraceSighting: Sendable {
    public var hit: SegmentHit
    public var rule: TraceRule
    /// Cosine similarity to the seed (the query vector, or the best seed segment); nil without a vector.
    public var seedSimilarity: Double?
    /// Mean cosine similarity to the sightings accepted before it; nil without a vector or a group.
    public var groupSimilarity: Double?
    /// The accepted segment it was reached from, if any.
    public var via: SegmentID?
}

/// A candidate that was neither accepted nor dismissed: similar, but not enough.
public struct TraceUncertain: Sendable {
    public var hit: SegmentHit
    public var similarity: Double
    public var reason: String
}

/// The growth's state: accepted sightings, uncertain candidates, and what was ruled out.
struct TraceGrowth {
    let parameters: TraceParameters
    let seedVectors: [[Float]]
    var accepted: [SegmentID: TraceSighting] = [:]
    /// Sum of the accepted sightings' normalised vectors: their mean cosine to a unit vector
    /// v is v · sum / count, one dot product however many are accepted.
    var acceptedSum: [Float] = []
    var acceptedVectorCount = 0
    /// Normalised vectors read so far (nil: none), each read once per trace.
    var vectors: [SegmentID: [Float]?] = [:]
    var uncertain: [SegmentID: TraceUncertain] = [:]
    var dismissed: Set<SegmentID> = []
    var queue = Heap<TraceCandidate>()
    var serial = 0
    var verdicts: TraceVerdicts

    init(parameters: TraceParameters, seedVectors: [[Float]], verdicts: TraceVerdicts) {
        self.parameters = parameters
        self.seedVectors = seedVectors
        self.verdicts = verdicts
    }

    mutating func offer(_ id: SegmentID, rule: TraceRule, score: Double, via: SegmentID?) {
        guard accepted[id] == nil, !dismissed.contains(id) else { return }
        serial += 1
        queue.insert(TraceCandidate(id: id, rule: rule, score: score, via: via, serial: serial))
    }

    /// Grows from everything offered until no candidate is left or the reach limit is hit.
    mutating func grow(in snapshot: borrowing Snapshot) throws {
        while let candidate = queue.popMax() {
            guard accepted[candidate.id] == nil, !dismissed.contains(candidate.id) else { continue }
            guard accepted.count + dismissed.count < Limits.traversalReachMax else {
                throw StoreError(.limit, "trace examined more than \(Limits.traversalReachMax) segments; narrow the window")
            }
            guard let hit = try snapshot.hit(candidate.id), hit.segment.span.overlaps(parameters.reach),
                  parameters.identityLabels.contains(hit.segment.label) || candidate.rule == .seed else {
                dismissed.insert(candidate.id)
                continue
            }
            if try decide(hit, candidate, in: snapshot) { try offerNeighbours(of: candidate.id, in: snapshot) }
        }
    }

    /// Offers what an accepted sighting leads to: the sightings confirmed to be the same
    /// individual, then its `next` and `same_as` edges except those a verdict rejects.
    mutating func offerNeighbours(of id: SegmentID, in snapshot: borrowing Snapshot) throws {
        for other in verdicts.confirmed(with: id) where accepted[other] == nil {
            if let verdict = verdicts.verdict(id, other) { verdicts.markApplied(verdict) }
            offer(other, rule: .confirmed, score: 4, via: id)
        }
        for end in try snapshot.edgeEnds(of: id, kinds: [.next, .sameAs]) {
            if let rejection = verdicts.rejection(id, end.other) {
                verdicts.markApplied(rejection)
                continue
            }
            let edge = try snapshot.edge(at: end, of: id)
            offer(end.other, rule: end.kind == .next ? .track : .reidentified,
                  score: end.kind == .next ? 2 : (edge.property(.similarity) ?? 0), via: id)
        }
    }

    /// Accepts, lists as uncertain, or dismisses one candidate; true when accepted.
    private mutating func decide(_ hit: SegmentHit, _ candidate: TraceCandidate, in snapshot: borrowing Snapshot) throws -> Bool {
        if candidate.rule != .seed && candidate.rule != .confirmed {
            if let rejection = rejected(hit) {
                verdicts.markApplied(rejection)
                dismissed.insert(hit.segment.id)
                return false
            }
            if clash(with: hit) != nil {
                dismissed.insert(hit.segment.id)
                return false
            }
        }
        let vector = try self.vector(hit.segment.id, in: snapshot)
        let seedSimilarity = vector.map { v in seedVectors.map { cosine(v, $0) }.max() ?? 1 }
        let groupSimilarity = vector.flatMap { v in acceptedVectorCount == 0 ? nil : cosine(v, acceptedSum) / Double(acceptedVectorCount) }
        if candidate.rule != .seed && candidate.rule != .track && candidate.rule != .confirmed {
            let evidence = [seedSimilarity, groupSimilarity].compactMap { $0 }.min()
            guard let evidence else {
                dismissed.insert(hit.segment.id)
                return false
            }
            if evidence < parameters.acceptSimilarityMin {
                dismissed.insert(hit.segment.id)
                if evidence >= parameters.uncertainSimilarityMin {
                    uncertain[hit.segment.id] = TraceUncertain(hit: hit, similarity: evidence, reason: String(
                        format: "similarity %.3f to the %@ is below %.2f", evidence,
                        evidence == seedSimilarity ? "seed" : "accepted sightings", parameters.acceptSimilarityMin))
                }
                return false
            }
        }
        accept(hit, rule: candidate.rule, seedSimilarity: seedSimilarity, groupSimilarity: groupSimilarity, via: candidate.via)
        return true
    }

    /// Adds `hit` to the identity; its vector (already read) joins the group's mean.
    mutating func accept(_ hit: SegmentHit, rule: TraceRule, seedSimilarity: Double?, groupSimilarity: Double?, via: SegmentID?) {
        accepted[hit.segment.id] = TraceSighting(hit: hit, rule: rule, seedSimilarity: seedSimilarity,
                                                 groupSimilarity: groupSimilarity, via: via)
        uncertain[hit.segment.id] = nil
        // A confirmed sighting is the person by an investigator's word, not by its looks: its
        // vector (often the degraded one that needed confirming) does not shape the group.
        if let vector = vectors[hit.segment.id] ?? nil, rule != .confirmed {
            if acceptedSum.isEmpty { acceptedSum = vector } else { for i in acceptedSum.indices { acceptedSum[i] += vector[i] } }
            acceptedVectorCount += 1
        }
    }

    /// A segment's normalised vector in the trace's space, read once.
    mutating func vector(_ id: SegmentID, in snapshot: borrowing Snapshot) throws -> [Float]? {
        if let known = vectors[id] { return known }
        let vector = try parameters.spaceID.flatMap { try snapshot.vector(of: id, spaceID: $0) }.flatMap(normalised)
        vectors[id] = vector
        return vector
    }

    /// A verdict rejecting `hit` and an accepted sighting as one individual, if any.
    func rejected(_ hit: SegmentHit) -> LinkVerdict? {
        verdicts.rejections(of: hit.segment.id).first { accepted[$0.other] != nil }?.verdict
    }

    /// An accepted sighting `hit` cannot coexist with: at the same time in another view (not
    /// declared shared), or in the same view as another track.
    func clash(with hit: SegmentHit) -> TraceSighting? {
        accepted.values.first { other in
            guard other.hit.segment.span.overlaps(hit.segment.span) else { return false }
            if other.hit.source.id == hit.source.id {
                return other.hit.segment.trackID == nil || other.hit.segment.trackID != hit.segment.trackID
            }
            return !parameters.sharedViews.contains { $0.contains(other.hit.source.name) && $0.contains(hit.source.name) }
        }
    }
}

/// A segment waiting to be examined; the strongest evidence first, then the order offered.
struct TraceCandidate: Comparable {
    var id: SegmentID
    var rule: TraceRule
    var score: Double
    var via: SegmentID?
    var serial: Int

    static func < (a: Self, b: Self) -> Bool {
        (a.score, -a.serial) < (b.score, -b.serial)
    }

    static func == (a: Self, b: Self) -> Bool { a.serial == b.serial }
}

func normalised(_ vector: [Float]) -> [Float]? {
    guard vector.contains(where: { $0 != 0 }), vector.allSatisfy(\.isFinite) else { return nil }
    var copy = vector
    copy.withUnsafeMutableBufferPointer { normalise($0) }
    return copy
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    guard a.count == b.count else { return -1 }
    return Double(a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { dotProduct(x, $0) } })
}
