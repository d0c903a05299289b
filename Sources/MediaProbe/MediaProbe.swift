// Entry point of the module: probe a video's metadata with libavformat. Thumbnails and frame
// decoding live in MediaProbe+Thumbnail.swift / MediaProbe+Decode.swift.
import CFFmpeg

/// Reads video metadata and frames through FFmpeg (libavformat, libavcodec, libswscale).
///
/// Stateless: every call opens the file, works, and closes it before returning. Safe to use
/// from several threads at once (each call owns its FFmpeg contexts). FFmpeg's own logging is
/// silenced process-wide on first use; failures come back as `MediaProbeError`.
///
/// ## Caveats
/// - Packet counting assumes one packet per frame (true for the codecs cameras write; not for
///   field-coded interlaced streams or packed B-frames in old AVI files).
/// - `.frameIndex` positions are converted to time with the chosen frame rate and matched
///   against FFmpeg's best-effort timestamps. Files whose timestamps are broken (box.mp4's
///   B-frames carry pts = dts) land a frame or two away from "the Nth decoded frame".
/// - Frames are cropped and scaled as coded: rotation is reported, not applied.
/// - Only the first `ProbeLimits.packetsCountedMax` packets are read when counting.
public struct MediaProbe: Sendable {
    public init() {}

    /// Probes `path`: container, streams, the best video stream, rates, frame count,
    /// rotation and creation time.
    ///
    /// - Parameters:
    ///   - path: a video file.
    ///   - exact: count the video stream's packets even when the header's frame count looks
    ///     right (reads the whole file).
    /// - Throws: `MediaProbeError` — `.cannotOpen` (missing file, not a media file: FFmpeg's
    ///   reason), `.cannotReadStreams`, `.noVideoStream`.
    /// - Complexity: O(header) normally; O(file size) when the frame count must be counted.
    public func probe(path: String, exact: Bool = false) throws(MediaProbeError) -> VideoInfo {
        let format = try FormatContext(path: path)
        try Self.rejectTextFormats(format)
        let videoIndex = try format.bestVideoStreamIndex()
        let stream = format.stream(videoIndex).pointee
        let rate = FrameClock.chooseRate(average: Rational(stream.avg_frame_rate),
                                         real: Rational(stream.r_frame_rate))
        let streamDuration = Self.seconds(stream.duration, timeBase: stream.time_base)
        let frameCount = try Self.frameCount(
            format: format, videoIndex: videoIndex, exact: exact,
            durationSeconds: streamDuration ?? format.durationSeconds,
            framesPerSecond: rate.framesPerSecond)
        let creation = format.tag("creation_time", streamIndex: videoIndex)
            .flatMap { CreationTime(tag: $0) }
        return VideoInfo(
            path: path, container: format.formatName,
            durationSeconds: format.durationSeconds ?? streamDuration,
            streams: (0..<format.streamCount).map { Self.streamInfo(format.stream($0)) },
            videoStreamIndex: videoIndex,
            videoCodec: string(avcodec_get_name(stream.codecpar.pointee.codec_id)),
            width: Int(stream.codecpar.pointee.width), height: Int(stream.codecpar.pointee.height),
            rotationDegrees: Self.rotationDegrees(format, videoIndex: videoIndex),
            frameRate: rate, frameCount: frameCount, creationTime: creation)
    }

    /// FFmpeg's `tty` demuxer claims `.txt` / `.ans` files and shows them as ANSI-art "video";
    /// for SegGraph such a file is not a video.
    static func rejectTextFormats(_ format: FormatContext) throws(MediaProbeError) {
        guard format.formatName == "tty" else { return }
        throw MediaProbeError(.noVideoStream, path: format.path, action: "has no video stream",
                              reason: "text file")
    }

    static func streamInfo(_ stream: UnsafeMutablePointer<AVStream>) -> StreamInfo {
        let parameters = stream.pointee.codecpar.pointee
        let kind: StreamKind = switch parameters.codec_type {
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_AUDIO: .audio
        case AVMEDIA_TYPE_SUBTITLE: .subtitle
        case AVMEDIA_TYPE_DATA: .data
        case AVMEDIA_TYPE_ATTACHMENT: .attachment
        default: .unknown
        }
        return StreamInfo(index: Int(stream.pointee.index), kind: kind,
                          codec: string(avcodec_get_name(parameters.codec_id), default: "none"))
    }

    /// `value` in `timeBase` units as seconds; nil for FFmpeg's "unknown".
    static func seconds(_ value: Int64, timeBase: AVRational) -> Double? {
        guard value != FFmpegStatus.noTimestamp, value > 0, timeBase.den != 0 else { return nil }
        return Double(value) * av_q2d(timeBase)
    }

    /// Clockwise display rotation from the display matrix, else the legacy `rotate` tag.
    static func rotationDegrees(_ format: FormatContext, videoIndex: Int) -> Int {
        let counterClockwise = seggraph_stream_rotation(format.stream(videoIndex))
        var clockwise = 0
        if counterClockwise.isFinite {
            clockwise = Int((-counterClockwise).rounded())
        } else if let tag = format.tag("rotate", streamIndex: videoIndex), let value = Int(tag) {
            clockwise = value
        }
        return ((clockwise % 360) + 360) % 360
    }
}

extension Rational {
    init(_ rational: AVRational) {
        self.init(numerator: Int(rational.num), denominator: Int(rational.den))
    }
}
