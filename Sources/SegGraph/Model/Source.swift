// A stored source: a camera or video with its clock, geometry, topology and zones.

/// A named polygon in a source's pixel coordinates.
public struct ZoneRecord: Codable, Sendable, Equatable {
    /// Zone name (`SOURCE:ZONE` in `find`); `Store.setZone` replaces a zone of the same name.
    public var name: String
    /// `[[x, y], ...]`
    public var points: [[Double]]
}

/// A source (camera/video). Encoded as versioned JSON in the `sources` table.
public struct Source: Codable, Sendable, Equatable {
    /// Internal id, from 1 (`sourceID` is the typed form).
    public var id: UInt32
    /// The unique name, e.g. `cam_03`.
    public var name: String
    /// Wall clock of t = 0 in UTC nanoseconds; `nil` for a relative-only source.
    public var startUTCNanoseconds: Int64?
    /// The UTC offset `start_time` was written with, in seconds.
    public var startOffsetSeconds: Int32?
    /// IANA zone for display (`timezone` or `--tz`).
    public var timeZoneIdentifier: String?
    /// Frames per second (from the file, `--fps` or the probed video); `nil` when unknown.
    public var framesPerSecond: Double?
    /// Frame width in pixels; `nil` when unknown.
    public var width: Int?
    /// Frame height in pixels; `nil` when unknown.
    public var height: Int?
    /// The source's video: absolute when it was probed, else as written in the file (relative
    /// to that file's folder); `nil` when none is known.
    public var videoPath: String?
    /// `[x, y]` on the site plan.
    public var position: [Double]?
    /// `adjacent`: sources a person can walk to directly, as the input named them (stored,
    /// exported and shown; the linker does not use them).
    public var adjacentSourceNames: [String]
    /// Named polygons in pixel coordinates, from the input or `Store.setZone`.
    public var zones: [ZoneRecord]
    /// `embedding_model` of the source object: recorded with embedding spaces this source
    /// creates unless `--embedding-model` is given.
    public var embeddingModel: String?
    /// Unknown fields of the source object, as a JSON object.
    public var extraJSON: String
    /// `sources set-clock`: how the camera's clock is off, applied whenever the store is read
    /// (stored times stay the camera's own); `nil` when none was set.
    public var clockCorrection: ClockCorrection?

    /// `id` as a typed `SourceID`.
    public var sourceID: SourceID { SourceID(rawValue: id) }
    /// Whether the source has a `start_time`, so its times are UTC; otherwise they count from t = 0.
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
    /// Internal id used in vector and HNSW keys, from 1.
    public var id: UInt32
    /// The space's name, e.g. `default` or `hsv_hist`.
    public var name: String
    /// Fixed by the first vector stored in the space.
    public var dimension: Int
    /// Model name/version (`embedding_model` or `--embedding-model`), when known.
    public var model: String?
    /// Vectors stored in the space.
    public var vectorCount: Int
}

extension EmbeddingSpace {
    /// Why `name` cannot name a space (`nil` when it can): it is an LMDB key, so it must be
    /// 1…`Limits.identifierBytesMax` bytes, and a NUL would be cut by the catalog.
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "an embedding space name must not be empty" }
        if name.utf8.count > Limits.identifierBytesMax {
            return "embedding space name is longer than \(Limits.identifierBytesMax) bytes"
        }
        if name.utf8.contains(0) { return "embedding space name contains a NUL character (\\u0000)" }
        return nil
    }
}
