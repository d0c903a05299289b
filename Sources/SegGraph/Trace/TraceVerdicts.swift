// The investigators' verdicts as the trace applies them: resolved from names to the segments
// stored now (a verdict whose sightings are not stored waits), and the ones that changed the
// answer remembered as evidence.

struct TraceVerdicts {
    private var decisions: [SegmentID: [(other: SegmentID, verdict: LinkVerdict)]] = [:]
    /// Verdicts that changed the growth (followed or blocked something), by pair key.
    private(set) var applied: [[UInt8]: LinkVerdict] = [:]

    init(_ verdicts: [LinkVerdict], in snapshot: borrowing Snapshot) throws {
        for verdict in verdicts {
            guard let a = try? snapshot.segmentID(named: verdict.first), let b = try? snapshot.segmentID(named: verdict.second) else { continue }
            decisions[a, default: []].append((b, verdict))
            decisions[b, default: []].append((a, verdict))
        }
    }

    /// The sightings confirmed to be the same individual as `id`.
    func confirmed(with id: SegmentID) -> [SegmentID] {
        (decisions[id] ?? []).filter { $0.verdict.decision == .confirm }.map(\.other)
    }

    /// The sightings rejected as `id`'s individual, in segment id order.
    func rejections(of id: SegmentID) -> [(other: SegmentID, verdict: LinkVerdict)] {
        (decisions[id] ?? []).filter { $0.verdict.decision == .reject }.sorted { $0.other < $1.other }
    }

    /// The verdict rejecting `a` and `b` as one individual, if any.
    func rejection(_ a: SegmentID, _ b: SegmentID) -> LinkVerdict? {
        decisions[a]?.first { $0.other == b && $0.verdict.decision == .reject }?.verdict
    }

    /// The verdict between `a` and `b`, if any.
    func verdict(_ a: SegmentID, _ b: SegmentID) -> LinkVerdict? {
        decisions[a]?.first { $0.other == b }?.verdict
    }

    mutating func markApplied(_ verdict: LinkVerdict) {
        applied[verdict.key] = verdict
    }
}
