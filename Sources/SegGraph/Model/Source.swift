// A stored source: a camera or video with its clock, geometry, topology and zones.

/// A named polygon in a source's pixel coordinates.
public struct ZoneRecord: Codable, Sendable, Equatable {
    public var name: String
    /// `[[x, y], ...]`
    public var points: [[Double]]
}

/// A source (camera/video). Encoded as versioned JSON in the `sources` table.
public struct Source: Codable, Sendable, Equatable {
    public var id: UInt32
    public var name: String
    /// Wall clock of t = 0 in UTC nanoseconds; `nil` for a relative-only source.
    public var startUTCNanoseconds: Int64?
    /// The UTC offset `start_time` was written with, in seconds.
    public var startOffsetSeconds: Int32?
    /// IANA zone for display (`timezone` or `--tz`).
    public var timeZoneIdentifier: String?
    public var framesPerSecond: Double?
    public var width: Int?
    public var height: Int?
    public var videoPath: String?
    /// `[x, y]` on the site plan.
    public var position: [Double]?
    public var adjacentSourceNames: [String]
    public var zones: [ZoneRecord]
    public var embeddingModel: String?
    /// Unknown fields of the source object, as a JSON object.
    public var extraJSON: String

    public var sourceID: SourceID { SourceID(rawValue: id) }
    public var hasWallClock: Bool { startUTCNanoseconds != nil }

    /// Maps seconds from t = 0 onto the source's clock (see TimeSpan).
    public func clockNanoseconds(offsetSeconds: Double) -> Int64? {
        guard let offset = Nanoseconds.from(seconds: offsetSeconds) else { return nil }
        let (sum, overflow) = (startUTCNanoseconds ?? 0).addingReportingOverflow(offset)
        return overflow ? nil : sum
    }
}

/// An embedding space: a named family of vectors of one dimension.
public struct EmbeddingSpace: Codable, Sendable, Equatable {
    public var id: UInt32
    public var name: String
    /// Fixed by the first vector stored in the space.
    public var dimension: Int
    /// Model name/version (`embedding_model` or `--embedding-model`), when known.
    public var model: String?
    public var vectorCount: Int
}
