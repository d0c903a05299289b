// What `MediaProbe.probe` reports about one video file. Plain values, no FFmpeg types, so the
// engine and the CLI can store, compare and print them without importing C.

/// The facts SegGraph needs from a video: container, streams, the best video stream's
/// geometry, clock (frame rate, frame count, duration) and wall-clock start.
public struct VideoInfo: Sendable, Codable, Equatable {
    /// The path as given to `probe`.
    public var path: String
    /// libavformat's short format name, e.g. `avi` or `mov,mp4,m4a,3gp,3g2,mj2`.
    public var container: String
    /// Container duration in seconds, else the video stream's; nil when neither is known.
    public var durationSeconds: Double?
    /// Every stream in file order.
    public var streams: [StreamInfo]
    /// Index (into `streams`) of the stream chosen by `av_find_best_stream` for video.
    public var videoStreamIndex: Int
    /// Codec name of the video stream, e.g. `h264`.
    public var videoCodec: String
    public var width: Int
    public var height: Int
    /// Clockwise degrees (0, 90, 180, 270) a player turns the picture to show it upright.
    public var rotationDegrees: Int
    public var frameRate: FrameRateInfo
    public var frameCount: FrameCountInfo
    /// Wall-clock time of the first frame from the `creation_time` tag; nil when absent or
    /// the 1970-01-01 placeholder many muxers write.
    public var creationTime: CreationTime?
}

/// One stream of the container.
public struct StreamInfo: Sendable, Codable, Equatable {
    public var index: Int
    public var kind: StreamKind
    /// libavcodec's codec name (`h264`, `mp3`), or `none` if FFmpeg does not know it.
    public var codec: String

    public init(index: Int, kind: StreamKind, codec: String) {
        self.index = index
        self.kind = kind
        self.codec = codec
    }
}

public enum StreamKind: String, Sendable, Codable, Equatable {
    case video, audio, subtitle, data, attachment, unknown
}

/// An exact frame rate or time base, as FFmpeg keeps it (`30000/1001`).
public struct Rational: Sendable, Codable, Equatable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public init(numerator: Int, denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value, or nil for FFmpeg's "unknown" (`0/0`, `x/0`).
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    public var description: String { "\(numerator)/\(denominator)" }
}

/// Which of the stream's two frame rates SegGraph uses to turn frame numbers into seconds.
public struct FrameRateInfo: Sendable, Codable, Equatable {
    /// `avg_frame_rate`: frames / duration. Right for variable-rate streams; missing in some
    /// containers.
    public var average: Rational
    /// `r_frame_rate`: the lowest rate that represents every timestamp. Exact for constant
    /// rate; can be a tick rate (e.g. 90000) for variable-rate streams.
    public var real: Rational
    public var chosen: Rational
    public var source: FrameRateSource
    /// Why `source` was chosen, one line for people.
    public var reason: String

    public init(average: Rational, real: Rational, chosen: Rational, source: FrameRateSource,
                reason: String) {
        self.average = average
        self.real = real
        self.chosen = chosen
        self.source = source
        self.reason = reason
    }

    /// `chosen` as frames per second.
    public var framesPerSecond: Double { chosen.value ?? 0 }
}

public enum FrameRateSource: String, Sendable, Codable, Equatable {
    case average, real
}

/// How many frames the video stream has, and how that was found.
public struct FrameCountInfo: Sendable, Codable, Equatable {
    public var frames: Int
    public var method: FrameCountMethod
    /// `nb_frames` from the header; nil when the container does not record it.
    public var headerFrames: Int?
    /// Why `method` was used, one line for people.
    public var reason: String

    public init(frames: Int, method: FrameCountMethod, headerFrames: Int?, reason: String) {
        self.frames = frames
        self.method = method
        self.headerFrames = headerFrames
        self.reason = reason
    }
}

public enum FrameCountMethod: String, Sendable, Codable, Equatable {
    /// `nb_frames` from the container header.
    case header
    /// Packets of the video stream counted by reading the whole file.
    case packetCount
}
