// `find`: the segment filter first (interval index + catalog), then the graph predicates
// on each candidate, all in one snapshot; optionally merged into per-source clips.

/// Segments by filters and graph predicates.
public struct FindQuery: Query {
    /// Candidate filter. Its `limit` caps the hits that pass every predicate (with clips: the
    /// hits merged into clips).
    public var filter = SegmentFilter()
    /// Has an edge of KIND to a segment labelled LABEL (every one must hold).
    public var with: [EdgePredicate] = []
    /// Has no such edge (none may hold).
    public var without: [EdgePredicate] = []
    /// A box's bottom-centre falls inside the zone's polygon.
    public var zone: ZoneReference?
    /// Another segment must relate in time (`then`, `during`, `overlaps`); every one must hold.
    public var sequences: [SequencePredicate] = []
    /// Merge hits of one source at most this many seconds apart into clips; `nil` = no clips.
    public var clipGapSeconds: Double?
    /// Group the hits by individual (next/same_as links, less rejected ones), each with the
    /// objects it holds, wears or rides. Not with clips.
    public var groupByIndividual = false

    /// No filter and no predicates: every segment, at most `Limits.listDefault` of them.
    public init() {}

    /// - Complexity: O(candidates · (degree + boxes)) after the filter's index scan.
    /// - Throws: `.invalidArgument` naming the parameter (`clip-gap`, `limit`, `min-confidence`,
    ///   `track`, `where`, `from`/`to`/`date`); `.notFound` for an unknown source or zone; `.limit`
    ///   past `Limits.queryResultsMax` candidates.
    public func run(in snapshot: borrowing Snapshot) throws -> FindResult {
        if clipGapSeconds != nil && groupByIndividual {
            throw StoreError(.invalidArgument, "group-by individual and clips cannot be combined", parameter: "group-by")
        }
        if let clipGapSeconds, !(clipGapSeconds.isFinite && (0...SequencePredicate.durationSecondsMax).contains(clipGapSeconds)) {
            throw StoreError(.invalidArgument, "clip-gap must be a number of seconds in 0…\(Int(SequencePredicate.durationSecondsMax))", parameter: "clip-gap")
        }
        var candidateFilter = filter
        candidateFilter.limit = Limits.queryResultsMax
        var polygon: [[Double]]?
        if let zone {
            polygon = try snapshot.zonePolygon(zone)
            // A zone is one camera's polygon: sources that exclude that camera leave nothing.
            guard filter.sources.isEmpty || filter.sources.contains(zone.source) else {
                return clipGapSeconds == nil ? .segments(SegmentList(hits: [], truncated: false, limit: filter.limit)) : .clips([])
            }
            candidateFilter.sources = [zone.source]
        }
        try filter.validate()
        var hits: [SegmentHit] = []
        var truncated = false
        for hit in try snapshot.segments(matching: candidateFilter).hits {
            guard try matches(hit, polygon: polygon, in: snapshot) else { continue }
            guard hits.count < filter.limit else { truncated = true; break }
            hits.append(hit)
        }
        if let clipGapSeconds { return .clips(Clip.merge(hits, gapSeconds: clipGapSeconds)) }
        if groupByIndividual { return .individuals(try Individual.group(hits, in: snapshot), truncated: truncated) }
        var list = SegmentList(hits: hits, truncated: truncated, limit: filter.limit)
        if hits.isEmpty {
            // An empty answer because a name is unknown says so, for the labels of --with too.
            let labels = filter.labels + (with + without).map(\.label) + sequences.flatMap { $0.conditions.filter { $0.field == "label" }.map(\.value) }
            list.hints = try snapshot.unknownLabelHints(Array(Set(labels)).sorted()) + snapshot.recordedDataHint(filter.window)
        }
        return .segments(list)
    }

    private func matches(_ hit: SegmentHit, polygon: [[Double]]?, in snapshot: borrowing Snapshot) throws -> Bool {
        let ends = (with.isEmpty && without.isEmpty) ? [] : try snapshot.edgeEnds(of: hit.segment.id)
        for predicate in with where !(try snapshot.hasEdge(ends, predicate)) { return false }
        for predicate in without where try snapshot.hasEdge(ends, predicate) { return false }
        if let polygon, !(try snapshot.entersZone(hit.segment, polygon: polygon)) { return false }
        for sequence in sequences where !(try snapshot.satisfies(hit, sequence)) { return false }
        return true
    }
}

/// What `find` returns: segments, or clips when asked to merge.
public enum FindResult: Sendable, Answerable {
    /// The hits by (start, id), at most `filter.limit`; `truncated` when more passed.
    case segments(SegmentList)
    /// The hits merged into per-source clips, by (start, source name); whether hits past the
    /// limit were dropped is not reported.
    case clips([Clip])
    /// The hits grouped by individual, by first sighting; whether hits past the limit were left out.
    case individuals([Individual], truncated: Bool)

    /// JSON: the segment list (`schema/answers/segments.schema.json`), or for clips an array of
    /// `{source, start, end, start_ns, end_ns, seconds, segments, members}` (`clips.schema.json`).
    public var answer: Answer {
        switch self {
        case .segments(let list): list.answer
        case .clips(let clips): Clip.answer(clips)
        case .individuals(let individuals, let truncated):
            Individual.answer(individuals, truncated: truncated)
        }
    }
}

extension FindResult {
    /// One segment per row of the answer, to show it by (`find --thumbnails`): each hit, each
    /// clip's first segment, each individual's first sighting.
    public var representativeSegments: [String] {
        switch self {
        case .segments(let list): list.hits.map(\.name)
        case .clips(let clips): clips.compactMap { $0.segments.first?.name }
        case .individuals(let individuals, _): individuals.compactMap { $0.sightings.first?.name }
        }
    }
}
