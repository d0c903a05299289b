// The contract between an importer and whatever stores its output.
// Importers know the model, never the storage: they read a file and push
// sources and segments into a consumer, in input order.
public import SegGraphModel

/// Input formats SegGraph reads. Auto-detected from content unless forced.
public enum InputFormat: String, Sendable, CaseIterable {
    /// `{"source": {...}, "segments": [...]}`
    case document
    /// `[ {segment}, ... ]`
    case array
    /// One segment object per line, each with a `source` field.
    case jsonLines = "jsonl"
    /// MOTChallenge 2D text: `frame,id,bb_left,bb_top,bb_width,bb_height,conf,x,y,z`.
    case mot
    /// CVAT for video 1.1 XML (`<annotations>` with `<track>`s).
    case cvat
    /// COCO-VID / TAO (`videos` + `images` + per-image `annotations`) or YouTube-VIS
    /// (`videos` + `annotations` with per-frame `bboxes`).
    case cocoVid = "coco-vid"
    /// Ultralytics tracking results: per-frame arrays of `Results.summary()` detections.
    case ultralytics

    /// The formats `NativeImporter` reads; the others have their own importers.
    public var isNative: Bool {
        switch self {
        case .document, .array, .jsonLines: true
        case .mot, .cvat, .cocoVid, .ultralytics: false
        }
    }
}

/// Receives what an importer reads. Errors thrown here abort the import unchanged.
public protocol SegmentConsumer {
    /// Called once per source, before any of its segments.
    mutating func consume(source: SourceInput) throws
    mutating func consume(segment: SegmentInput) throws
}

/// Options that come from the command line rather than the file.
public struct ImportOptions: Sendable {
    /// Forces a format; `nil` auto-detects.
    public var format: InputFormat?
    /// Source name for bare arrays (and JSON Lines records without `source`):
    /// `--source NAME`, else the file's stem.
    public var defaultSourceName: String
    /// `--source NAME` given explicitly: it overrides the names in the file.
    public var sourceNameOverride: String?
    /// `--fps`: frame rate for formats that count frames but do not store the rate (CVAT,
    /// Ultralytics, MOT without `seqinfo.ini`). Wins over a rate found in the file.
    public var framesPerSecond: Double?
    /// Longest run of missing frames inside one segment of a track; a longer gap starts a new
    /// segment with the same `track_id`. `nil` means `defaultTrackGapSeconds` worth of frames.
    public var trackGapFramesMax: Int?

    /// A gap of 2 s: long enough to bridge short occlusions and missed detections, short
    /// enough that an object leaving and re-entering the view becomes two segments.
    public static let defaultTrackGapSeconds = 2.0

    public init(format: InputFormat? = nil, defaultSourceName: String, sourceNameOverride: String? = nil,
                framesPerSecond: Double? = nil, trackGapFramesMax: Int? = nil) {
        self.format = format
        self.defaultSourceName = defaultSourceName
        self.sourceNameOverride = sourceNameOverride
        self.framesPerSecond = framesPerSecond
        self.trackGapFramesMax = trackGapFramesMax
    }

    /// The gap limit in frames at `framesPerSecond`: the explicit one, else 2 s worth (≥ 0).
    public func trackGapFramesMax(framesPerSecond: Double) -> Int {
        if let trackGapFramesMax { return max(0, trackGapFramesMax) }
        return Int((Self.defaultTrackGapSeconds * framesPerSecond).rounded())
    }
}

/// What an import read: counts for the ledger and the user.
public struct ImportReport: Sendable, Equatable {
    public var format: InputFormat
    public var byteCount: Int
    public var segmentCount: Int
    public var boxCount: Int
    public var embeddingCount: Int
    public var warnings: [ImportWarningKind: Int]

    public init(format: InputFormat, byteCount: Int = 0, segmentCount: Int = 0, boxCount: Int = 0,
                embeddingCount: Int = 0, warnings: [ImportWarningKind: Int] = [:]) {
        self.format = format
        self.byteCount = byteCount
        self.segmentCount = segmentCount
        self.boxCount = boxCount
        self.embeddingCount = embeddingCount
        self.warnings = warnings
    }
}
