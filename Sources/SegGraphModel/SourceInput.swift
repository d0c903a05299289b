// A camera/video as described by the `source` object of a segment document.

/// A parsed wall-clock instant: UTC nanoseconds plus the offset it was written with.
public struct WallClockTime: Sendable, Equatable, Hashable {
    public var utcNanoseconds: Int64
    /// Offset from UTC in seconds as written (`+01:00` → 3600); 0 for `Z`.
    public var offsetSeconds: Int32

    public init(utcNanoseconds: Int64, offsetSeconds: Int32) {
        self.utcNanoseconds = utcNanoseconds
        self.offsetSeconds = offsetSeconds
    }
}

/// A camera position on a site plan (metres or any consistent unit).
public struct SitePosition: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A named polygon in a source's pixel coordinates.
public struct Zone: Sendable, Equatable {
    public var name: String
    public var polygon: [SitePosition]
    public init(name: String, polygon: [SitePosition]) { self.name = name; self.polygon = polygon }
}

/// The `source` object of a document, or a source named on the command line.
public struct SourceInput: Sendable, Equatable {
    /// `id`: the source's unique name, e.g. `cam_03`.
    public var name: String
    /// `start_time`: wall clock of t = 0; `nil` for relative-only sources.
    public var startTime: WallClockTime?
    public var framesPerSecond: Double?
    public var width: Int?
    public var height: Int?
    /// `video`: path of the source video, as written.
    public var videoPath: String?
    /// `timezone`: an IANA zone name such as `Europe/Berlin`.
    public var timeZoneIdentifier: String?
    public var position: SitePosition?
    /// `adjacent`: names of sources a person can walk to directly.
    public var adjacentSourceNames: [String]
    public var zones: [Zone]
    /// `embedding_model`: name/version of the model that produced the embeddings.
    public var embeddingModel: String?
    /// Every other field of the source object, as a JSON object.
    public var extraJSON: String

    public init(
        name: String, startTime: WallClockTime? = nil, framesPerSecond: Double? = nil,
        width: Int? = nil, height: Int? = nil, videoPath: String? = nil,
        timeZoneIdentifier: String? = nil, position: SitePosition? = nil,
        adjacentSourceNames: [String] = [], zones: [Zone] = [], embeddingModel: String? = nil,
        extraJSON: String = "{}"
    ) {
        self.name = name
        self.startTime = startTime
        self.framesPerSecond = framesPerSecond
        self.width = width
        self.height = height
        self.videoPath = videoPath
        self.timeZoneIdentifier = timeZoneIdentifier
        self.position = position
        self.adjacentSourceNames = adjacentSourceNames
        self.zones = zones
        self.embeddingModel = embeddingModel
        self.extraJSON = extraJSON
    }
}
