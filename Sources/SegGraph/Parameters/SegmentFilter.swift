// The filters every segment listing shares: `segments`, `find`, `similar`, the server.

/// Which segments a listing keeps. Validated by `validate()`, which every query runs first.
public struct SegmentFilter: Sendable, Equatable {
    /// Source names; empty = all.
    public var sources: [String] = []
    /// Labels; empty = all.
    public var labels: [String] = []
    /// Types (`object_appearance`, `activity`, …); empty = all.
    public var types: [String] = []
    /// Track id (needs exactly one source).
    public var trackID: String?
    /// Keep segments overlapping this window (closed). Clock times default to the date and
    /// zone of the one source named, if exactly one is.
    public var window: TimeWindowSpec = .unbounded
    /// A read-only SQL WHERE expression over the catalog's `segments` table.
    public var whereExpression: String?
    /// Minimum confidence (segments with null confidence pass).
    public var confidenceMin: Double?
    /// Results returned at most.
    public var limit: Int = Limits.listDefault
    /// Resume after this position of the (start, id) order: the `next` cursor of a page.
    public var after: SegmentCursor?

    /// No filters: every segment, at most `Limits.listDefault` of them.
    public init() {}

    /// Whether anything but `limit` narrows the segments (an unfiltered `similar` walks
    /// the whole index instead of a candidate set).
    public var narrowsSegments: Bool {
        !sources.isEmpty || !labels.isEmpty || !types.isEmpty || trackID != nil || whereExpression != nil
            || confidenceMin != nil || window.isBounded
    }

    /// - Throws: `.invalidArgument` naming the parameter.
    public func validate() throws {
        guard (0...Limits.queryResultsMax).contains(limit) else {
            throw StoreError(.invalidArgument, "limit must be in 0…\(Limits.queryResultsMax)", parameter: "limit")
        }
        if let confidenceMin, !confidenceMin.isFinite {
            throw StoreError(.invalidArgument, "min-confidence must be a finite number", parameter: "min-confidence")
        }
        if trackID != nil && sources.count != 1 {
            throw StoreError(.invalidArgument, "track needs exactly one source", parameter: "track")
        }
        if let whereExpression, whereExpression.utf8.count > Limits.whereExpressionBytesMax {
            throw StoreError(.invalidArgument, "where: expression longer than \(Limits.whereExpressionBytesMax) bytes", parameter: "where")
        }
    }

    func admits(_ segment: Segment, sourceIDs: [UInt32]) -> Bool {
        if !sourceIDs.isEmpty && !sourceIDs.contains(segment.sourceID.rawValue) { return false }
        if !labels.isEmpty && !labels.contains(segment.label) { return false }
        if !types.isEmpty && !types.contains(segment.type) { return false }
        if let trackID, segment.trackID != trackID { return false }
        if let confidenceMin, let confidence = segment.confidence, confidence < confidenceMin { return false }
        return true
    }
}

/// A segment with its source, as queries return it.
public struct SegmentHit: Sendable, Equatable {
    /// The segment record, with its `id` set.
    public var segment: Segment
    /// The source it belongs to.
    public var source: Source

    /// Pairs a segment with its source; that they belong together is not checked.
    public init(segment: Segment, source: Source) {
        self.segment = segment
        self.source = source
    }
}

/// A position in the (start, id) order of a listing, for paging: `START_NS.ID` as text.
public struct SegmentCursor: Sendable, Equatable, LosslessStringConvertible {
    /// Start of the last segment of the previous page, nanoseconds on its source's clock.
    public var startNanoseconds: Int64
    /// Internal id of that segment.
    public var id: SegmentID

    public init(startNanoseconds: Int64, id: SegmentID) {
        self.startNanoseconds = startNanoseconds
        self.id = id
    }

    /// Parses `START_NS.ID`; nil for anything else.
    public init?(_ description: String) {
        let parts = description.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let start = Int64(parts[0]), let id = UInt64(parts[1]) else { return nil }
        self.init(startNanoseconds: start, id: SegmentID(rawValue: id))
    }

    /// `START_NS.ID`.
    public var description: String { "\(startNanoseconds).\(id.rawValue)" }
}
