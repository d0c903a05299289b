// `trace`: everywhere one individual went in a time window — the forensic timeline. The
// identity is grown from a seed (see TraceGrowth), then laid out as visits per camera,
// transitions between them, gaps, and the candidates that were close but not accepted.

/// What a trace starts from.
public enum TraceSeed: Sendable, Equatable {
    /// One segment (`SOURCE/SEGMENT_ID` or `#ID`).
    case segment(String)
    /// Every segment of a track of one source.
    case track(source: String, track: String)
    /// A query embedding (a probe image's), matched by similarity.
    case vector([Float])
}

/// The timeline of one individual.
public struct TraceQuery: Query {
    public var seed: TraceSeed
    /// Clock times default to the seed's source; unbounded = ±`defaultHalfWindowSeconds` around the seed.
    public var window: TimeWindowSpec
    /// Embedding space for similarity (default: the store's re-identification space).
    public var space: String?
    /// Accepting similarity (default: the store's `sameAsMutualSimilarityMin`).
    public var acceptSimilarityMin: Double?
    /// Candidates from here up to the accepting similarity are listed as uncertain.
    public var uncertainSimilarityMin: Double
    /// Include each visit's evidence (sightings, rules, similarities) in the answer.
    public var explain: Bool
    /// The window exactly, overriding `window` (re-running a recorded answer).
    var exactWindow: TimeSpan?

    /// Six hours either side of the seed when no window is given.
    public static let defaultHalfWindowSeconds = 6.0 * 3600

    public init(seed: TraceSeed, window: TimeWindowSpec = .unbounded, space: String? = nil,
                acceptSimilarityMin: Double? = nil, uncertainSimilarityMin: Double = 0.45, explain: Bool = false) {
        self.seed = seed
        self.window = window
        self.space = space
        self.acceptSimilarityMin = acceptSimilarityMin
        self.uncertainSimilarityMin = uncertainSimilarityMin
        self.explain = explain
    }

    /// - Throws: `.notFound` for an unknown seed segment, track or space; `.invalidArgument`
    ///   for similarities outside [-1, 1] or a vector of the wrong dimension; `.limit` when
    ///   the growth examines more than `Limits.traversalReachMax` segments.
    /// - Complexity: O(s · (degree + a · d)) for s examined segments, a accepted, dimension d.
    public func run(in snapshot: borrowing Snapshot) throws -> TraceAnswer {
        let configuration = try snapshot.configuration()
        let accept = acceptSimilarityMin ?? configuration.sameAsMutualSimilarityMin
        for (name, value) in [("accept", accept), ("uncertain", uncertainSimilarityMin)] where !(value.isFinite && (-1...1).contains(value)) {
            throw StoreError(.invalidArgument, "\(name) similarity must be in -1…1", parameter: name)
        }
        let spaceName = space ?? configuration.reidSpace
        let (seeds, seedVectors, anchor) = try resolveSeed(in: snapshot, space: spaceName)
        let window = try exactWindow ?? snapshot.resolve(window, source: anchor.source) ?? TimeSpan(
            startNanoseconds: anchor.span.startNanoseconds - Int64(Self.defaultHalfWindowSeconds * 1e9),
            endNanoseconds: anchor.span.endNanoseconds + Int64(Self.defaultHalfWindowSeconds * 1e9))!
        let margin = Int64(configuration.sameAsGapSecondsMax * 1e9)
        let parameters = TraceParameters(
            window: window, reach: TimeSpan(startNanoseconds: window.startNanoseconds - margin, endNanoseconds: window.endNanoseconds + margin)!,
            space: spaceName, spaceID: try snapshot.embeddingSpace(named: spaceName)?.id, identityLabels: Set(configuration.identityLabels), sharedViews: configuration.sharedViews,
            acceptSimilarityMin: accept, uncertainSimilarityMin: min(uncertainSimilarityMin, accept),
            visitGapSecondsMax: 10, walkingSpeedMaxMetersPerSecond: configuration.walkingSpeedMaxMetersPerSecond,
            topology: try snapshot.learnedTopology())
        var growth = TraceGrowth(parameters: parameters, seedVectors: seedVectors,
                                 verdicts: try TraceVerdicts(try snapshot.verdicts(), in: snapshot))
        for seed in seeds { growth.offer(seed.id, rule: seed.rule, score: seed.score, via: nil) }
        try growth.grow(in: snapshot)
        try growth.extendOverTopology(in: snapshot)
        try growth.fillGaps(in: snapshot)
        return TraceAnswer(query: self, storeUUID: snapshot.storeUUID, window: window, anchor: anchor.source,
                           growth: growth, sources: try snapshot.sourcesByID(), ledger: try snapshot.importLedger(),
                           configuration: configuration)
    }

    /// The seed segments (or, for a vector, the nearest sightings), their vectors, and the
    /// segment whose source and time anchor the window.
    private func resolveSeed(in snapshot: borrowing Snapshot, space: String) throws
        -> (seeds: [(id: SegmentID, rule: TraceRule, score: Double)], vectors: [[Float]], anchor: (source: Source?, span: TimeSpan)) {
        switch seed {
        case .segment(let name):
            let hit = try snapshot.requireHit(try snapshot.segmentID(named: name))
            let vectors = try snapshot.embedding(of: hit.segment.id, space: space).flatMap(normalised).map { [$0] } ?? []
            return ([(hit.segment.id, .seed, 3)], vectors, (hit.source, hit.segment.span))
        case .track(let source, let track):
            var filter = SegmentFilter()
            filter.sources = [source]
            filter.trackID = track
            filter.limit = Limits.identitySegmentsMax
            let hits = try snapshot.segments(matching: filter).hits
            guard let first = hits.first, let last = hits.last else {
                throw StoreError(.notFound, "source \(source) has no track \"\(track)\"", parameter: "track")
            }
            let vectors = try hits.compactMap { try snapshot.embedding(of: $0.segment.id, space: space).flatMap(normalised) }
            return (hits.map { ($0.segment.id, .seed, 3) }, vectors,
                    (first.source, TimeSpan(startNanoseconds: first.segment.span.startNanoseconds, endNanoseconds: max(first.segment.span.endNanoseconds, last.segment.span.endNanoseconds))!))
        case .vector(let vector):
            guard let probe = normalised(vector) else {
                throw StoreError(.invalidArgument, "query vector must be finite and not all zeros", parameter: "vector")
            }
            var filter = SegmentFilter()
            filter.labels = try snapshot.configuration().identityLabels
            filter.window = window
            filter.limit = Limits.queryResultsMax
            let admitted = Set(try snapshot.segments(matching: filter).hits.map(\.segment.id))
            let (scored, _) = try snapshot.nearest(to: vector, space: space, k: 50, admitted: admitted)
            let seeds = scored.map { (id: $0.0, rule: TraceRule.similar, score: Double(1 - $0.1)) }
            guard let best = seeds.first, let hit = try snapshot.hit(best.id) else {
                throw StoreError(.notFound, "no sighting in the window has an embedding in space \"\(space)\"", parameter: "vector")
            }
            return (seeds, [probe], (hit.source, hit.segment.span))
        }
    }
}
