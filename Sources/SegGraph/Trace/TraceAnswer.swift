// A trace's answer: visits in time order, transitions, gaps, uncertain candidates, and the
// evidence an investigator can hand on (query, store, contributing imports, configuration,
// digest of the answer). One JSON shape: schema/answers/trace.schema.json.
internal import Crypto

/// Consecutive sightings of the person on one camera.
public struct TraceVisit: Sendable {
    public var source: Source
    public var span: TimeSpan
    public var sightings: [TraceSighting]

    /// Mean acceptance similarity of the sightings that have one; nil when none has.
    public var confidence: Double? {
        let values = sightings.compactMap { s in [s.seedSimilarity, s.groupSimilarity].compactMap { $0 }.min() }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The longest sighting: the best frame for a thumbnail is in it.
    public var bestSighting: TraceSighting {
        sightings.max { ($0.hit.segment.span.durationNanoseconds, $1.hit.segment.id) < ($1.hit.segment.span.durationNanoseconds, $0.hit.segment.id) }!
    }

    /// Every sighting was inferred (none seen by an edge or similarity).
    public var isInferred: Bool { sightings.allSatisfy { $0.rule == .inferred } }
}

/// Everything `trace` answers.
public struct TraceAnswer: Sendable, Answerable {
    public var query: TraceQuery
    public var storeUUID: String
    public var window: TimeSpan
    /// The source whose clock and zone the window's times are shown in.
    public var anchor: Source?
    public var visits: [TraceVisit]
    public var uncertain: [TraceUncertain]
    /// SHA-256 of every import that brought a visited segment, by import id.
    public var imports: [(id: UInt32, file: String, sha256: String)]
    public var configuration: StoreConfiguration
    /// The investigators' verdicts that changed this answer (a link followed or blocked).
    public var verdicts: [LinkVerdict]
    /// Clock corrections (`sources set-clock`) of the cameras visited, by source name.
    public var clockCorrections: [(source: String, correction: ClockCorrection)] {
        var seen: [String: ClockCorrection] = [:]
        for visit in visits { if let correction = visit.source.clockCorrection { seen[visit.source.name] = correction } }
        return seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    var walkingSpeed: Double
    var topology: LearnedTopology
    var acceptSimilarity: Double
    var uncertainSimilarity: Double

    init(query: TraceQuery, storeUUID: String, window: TimeSpan, anchor: Source?, growth: TraceGrowth,
         sources: [UInt32: Source], ledger: [ImportRecord], configuration: StoreConfiguration) {
        self.query = query
        self.storeUUID = storeUUID
        self.window = window
        self.anchor = anchor
        self.configuration = configuration
        self.verdicts = growth.verdicts.applied.values.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
        self.walkingSpeed = growth.parameters.walkingSpeedMaxMetersPerSecond
        self.topology = growth.parameters.topology
        self.acceptSimilarity = growth.parameters.acceptSimilarityMin
        self.uncertainSimilarity = growth.parameters.uncertainSimilarityMin
        let inWindow = growth.accepted.values.filter { $0.hit.segment.span.overlaps(window) }
            .sorted { ($0.hit.segment.span.startNanoseconds, $0.hit.name) < ($1.hit.segment.span.startNanoseconds, $1.hit.name) }
        visits = Self.visits(inWindow, gapSecondsMax: growth.parameters.visitGapSecondsMax)
        uncertain = growth.uncertain.values.filter { $0.hit.segment.span.overlaps(window) }
            .sorted { ($0.hit.segment.span.startNanoseconds, $0.hit.name) < ($1.hit.segment.span.startNanoseconds, $1.hit.name) }
        let used = Set(inWindow.map(\.hit.segment.importID.rawValue))
        imports = ledger.filter { used.contains($0.id) }.map { ($0.id, $0.fileName, $0.sha256) }
    }

    /// Sightings of one camera at most `gapSecondsMax` apart (or overlapping) form one visit.
    static func visits(_ sightings: [TraceSighting], gapSecondsMax: Double) -> [TraceVisit] {
        var visits: [TraceVisit] = []
        let gap = Int64(gapSecondsMax * 1e9)
        for sighting in sightings {
            let span = sighting.hit.segment.span
            if var last = visits.last, last.source.id == sighting.hit.source.id, span.startNanoseconds <= last.span.endNanoseconds + gap {
                last.span = TimeSpan(startNanoseconds: last.span.startNanoseconds, endNanoseconds: max(last.span.endNanoseconds, span.endNanoseconds))!
                last.sightings.append(sighting)
                visits[visits.count - 1] = last
            } else {
                visits.append(TraceVisit(source: sighting.hit.source, span: span, sightings: [sighting]))
            }
        }
        return visits
    }

    /// Whether the walk from `a` to `b` fits the gap: by the cameras' positions when both have
    /// one, else by the learned topology (people walked that pair in about that time); "unknown"
    /// when neither knows the pair.
    func plausibility(_ a: TraceVisit, _ b: TraceVisit) -> String {
        guard a.source.id != b.source.id else { return "yes" }
        guard let p = a.source.position, let q = b.source.position, p.count == 2, q.count == 2, walkingSpeed > 0 else {
            guard let pair = topology.pair(from: a.source.name, to: b.source.name) else { return "unknown" }
            return pair.admits(gapSeconds: Double(b.span.startNanoseconds - a.span.endNanoseconds) / 1e9) ? "yes" : "no"
        }
        let walk = ((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])).squareRoot() / walkingSpeed
        return Double(b.span.startNanoseconds - a.span.endNanoseconds) / 1e9 >= walk ? "yes" : "no"
    }
}
