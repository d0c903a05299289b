// The filters every segment listing shares (CLI `segments`, later `find` and the server).

public struct SegmentFilter: Sendable, Equatable {
    /// Source names; empty = all.
    public var sources: [String] = []
    /// Labels; empty = all.
    public var labels: [String] = []
    /// Types (`object_appearance`, `activity`, …); empty = all.
    public var types: [String] = []
    /// Track id (needs exactly one source).
    public var trackID: String?
    /// Keep segments overlapping this window (closed); `nil` = all time.
    public var window: TimeSpan?
    /// A catalog WHERE expression.
    public var whereExpression: String?
    /// Minimum confidence (segments with null confidence pass).
    public var confidenceMin: Double?
    /// Results returned at most.
    public var limit: Int = Limits.listDefault

    public init() {}
}

/// A segment with its source, as queries return it.
public struct SegmentHit: Sendable, Equatable {
    public var segment: Segment
    public var source: Source

    public init(segment: Segment, source: Source) {
        self.segment = segment
        self.source = source
    }
}
