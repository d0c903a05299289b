// The linker derives edges between segments inside the import's write transaction.
// It is incremental — only what a new file touches is (re)computed — and deterministic:
// every rule is a function of the segments involved, ordered by (start, end, external
// id), never by import order, so the same inputs in any file order give the same edges.
internal import LMDB

/// What changed and must be (re)linked.
struct LinkWork {
    var newSegments: [SegmentID] = []
    /// (source, track id) whose `next` chain must be recomputed.
    var tracks: Set<TrackRef> = []
    /// Objects whose carrier must be re-chosen.
    var objects: Set<SegmentID> = []
    /// Activities whose participants must be recomputed.
    var activities: Set<SegmentID> = []
}

struct TrackRef: Hashable, Comparable {
    var source: UInt32
    var track: String
    static func < (a: Self, b: Self) -> Bool { (a.source, a.track) < (b.source, b.track) }
}

struct Linker {
    /// A frame counts as overlapping an activity when most of the participant's box is inside
    /// it (someone walking beside a fall overlaps its box a little; the faller lies in it).
    static let duringBoxOverlapMin = 0.5
    /// `rides`: a ground gap of this many person heights costs as much as the whole containment.
    static let ridesGroundGapScale = 0.25
    /// A further participant must improve how well the chosen participants' box fits the
    /// activity's box (mean intersection over union) by at least this much.
    static let duringFitGainMin = 0.1
    /// Only the candidates fitting best alone are combined into groups of one to three (a fall
    /// has one participant, a near miss two); bounds the C(n, 3) groups.
    static let duringCandidatesMax = 12
    // Bounds the linker's per-segment caches (timelines, overlaps). A timeline is ~30 bytes
    // per box, and a large single-source import touches
    // tens of thousands of segments; segments are visited in time order, so a small
    // cache still catches the repeated comparisons of concurrent segments.
    static let cachedSegmentsMax = 4_000

    let store: Store
    let txn: UnsafeWriteTransactionReference
    let configuration: StoreConfiguration
    let sources: [UInt32: Source]
    /// Some source has a `set-clock` correction: `same_as` compares times on the true clock.
    let hasClockCorrections: Bool
    var records: [SegmentID: Segment] = [:]
    var timelines: [SegmentID: BoxTimeline] = [:]
    var overlaps: [SegmentID: [SegmentID]] = [:]
    /// Normalised re-identification vectors (`nil`: none), read once per link run.
    var reidVectors: [SegmentID: [Float]?] = [:]
    /// `same_as` candidates per segment (few: similar and feasible), computed once per link run.
    var sameAsCandidateCache: [SegmentID: [SameAsCandidate]] = [:]
    private(set) var added: [EdgeKind: Int] = [:]

    init(store: Store, txn: UnsafeWriteTransactionReference, configuration: StoreConfiguration) throws {
        self.store = store
        self.txn = txn
        self.configuration = configuration
        self.sources = try store.sourcesByID(in: txn, cached: false)
        self.hasClockCorrections = sources.values.contains { $0.clockCorrection != nil }
    }

    /// Links `work`. New segments must already be stored and indexed.
    mutating func link(_ work: LinkWork) throws {
        var work = work
        let newSet = Set(work.newSegments)
        for id in work.newSegments.sorted() {
            let segment = try record(id)
            if let track = segment.trackID { work.tracks.insert(TrackRef(source: segment.sourceID.rawValue, track: track)) }
            if configuration.attachmentKinds[segment.label] != nil { work.objects.insert(id) }
            if segment.type == "activity" { work.activities.insert(id) }
            if configuration.carrierLabels.contains(segment.label) || segment.type != "activity" {
                for other in try overlapping(segment) {
                    let candidate = try record(other)
                    if configuration.carrierLabels.contains(segment.label), configuration.attachmentKinds[candidate.label] != nil {
                        work.objects.insert(other)
                    }
                    if candidate.type == "activity" { work.activities.insert(other) }
                }
            }
        }
        for track in work.tracks.sorted() { try linkTrack(track) }
        try linkNear(work.newSegments.sorted(), newSet: newSet)
        for object in work.objects.sorted() { try linkCarrier(of: object) }
        for activity in work.activities.sorted() { try linkParticipants(of: activity) }
        try linkSameAs(work.newSegments.sorted())
    }

    mutating func record(_ id: SegmentID) throws -> Segment {
        if let cached = records[id] { return cached }
        guard var segment = try store.tables.segments.get(id.rawValue, in: txn) else {
            throw StoreError(.corrupt, "linker: segment \(id) vanished")
        }
        segment.id = id
        records[id] = segment
        return segment
    }

    mutating func timeline(_ id: SegmentID) throws -> BoxTimeline {
        if let cached = timelines[id] { return cached }
        if timelines.count >= Self.cachedSegmentsMax { timelines.removeAll(keepingCapacity: true) }
        let segment = try record(id)
        let boxes = try store.tables.boxes.get(id.rawValue, in: txn)?.boxes ?? []
        let timeline = BoxTimeline(segment: segment, boxes: boxes, source: source(of: segment))
        timelines[id] = timeline
        return timeline
    }

    func source(of segment: Segment) -> Source { sources[segment.sourceID.rawValue]! }

    /// Other segments of the same source overlapping `segment` in time, in id order.
    /// Memoised: a new segment is looked up once to find the objects and activities it
    /// touches and again by the `near` rule; the index does not change while linking.
    mutating func overlapping(_ segment: Segment) throws -> [SegmentID] {
        if let known = overlaps[segment.id] { return known }
        if overlaps.count >= Self.cachedSegmentsMax { overlaps.removeAll(keepingCapacity: true) }
        var ids: [SegmentID] = []
        try IntervalIndex(table: store.tables.timeIndex).overlapping(.source, segment.sourceID.rawValue, window: segment.span, in: txn) { id, _ in
            if id != segment.id { ids.append(id) }
            return true
        }
        ids.sort()
        overlaps[segment.id] = ids
        return ids
    }

    mutating func add(_ edge: Edge) throws {
        try store.addEdge(edge, in: txn)
        added[edge.kind, default: 0] += 1
    }

    /// Removes `segment`'s edges of `kinds` in `direction`.
    func removeEdges(of segment: SegmentID, kinds: [EdgeKind], direction: EdgeDirection) throws {
        for end in try store.edgeEnds(of: segment, in: txn) where kinds.contains(end.kind) && end.direction == direction {
            let (from, to) = direction == .outgoing ? (segment, end.other) : (end.other, segment)
            try store.removeEdge(end.kind, from: from, to: to, in: txn)
        }
    }
}

/// Deterministic order of segments independent of import order.
func precedes(_ a: Segment, _ b: Segment) -> Bool {
    (a.span.startNanoseconds, a.span.endNanoseconds, a.externalID) < (b.span.startNanoseconds, b.span.endNanoseconds, b.externalID)
}

func overlapSeconds(_ a: TimeSpan, _ b: TimeSpan) -> Double {
    Double(min(a.endNanoseconds, b.endNanoseconds) - max(a.startNanoseconds, b.startNanoseconds)) / 1e9
}
