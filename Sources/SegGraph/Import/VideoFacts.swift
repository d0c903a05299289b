// What the source's video says about the source (frame rate, size, duration, wall-clock
// start), handed in by the caller: SegGraph never links libavformat, the CLI probes with
// MediaProbe and passes plain values.
public import SegGraphModel

/// The facts of one probed video.
public struct VideoFacts: Sendable, Equatable {
    /// The video's path, absolute (stored as the source's `videoPath`).
    public var path: String
    /// Frames per second; `nil` when the container does not say.
    public var framesPerSecond: Double?
    /// Frame width in pixels; `nil` when unknown.
    public var width: Int?
    /// Frame height in pixels; `nil` when unknown.
    public var height: Int?
    /// Length in seconds; `nil` when unknown. Segments ending more than one frame later are
    /// counted as `past_video_end`.
    public var durationSeconds: Double?
    /// `creation_time`: wall clock of the first frame, UTC (offset 0); nil when absent.
    public var startTime: WallClockTime?

    /// The facts as probed; every field but `path` may be `nil`.
    public init(path: String, framesPerSecond: Double?, width: Int?, height: Int?,
                durationSeconds: Double?, startTime: WallClockTime?) {
        self.path = path
        self.framesPerSecond = framesPerSecond
        self.width = width
        self.height = height
        self.durationSeconds = durationSeconds
        self.startTime = startTime
    }
}

/// Probes a video named by an imported file (`video` of a source object); the path is
/// already resolved against the file's folder. Throws when the video cannot be read.
public typealias VideoProber = @Sendable (_ path: String) throws -> VideoFacts

/// Warning keys an import counts when its segments do not fit the source's video.
public enum VideoWarning {
    /// Segments ending more than one frame after the video's end.
    public static let pastVideoEnd = "past_video_end"
    /// Boxes not inside the video's frame (the importer's key: counted by it against a size
    /// the file gives, here against the video's when the file gives none).
    public static let boxOutsideFrame = "box_outside_frame"
    /// A `video` named in the file that could not be probed (kept as written).
    public static let videoUnreadable = "video_unreadable"
}

/// Per-import record of the videos SourceMerge used, by source name. A class because the
/// merge runs deep inside the importer's session and the import reads the result after it.
final class VideoFactsCollector: @unchecked Sendable {
    var factsBySource: [String: VideoFacts] = [:]
    var unreadable = 0
}
