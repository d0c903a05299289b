// Finds the decoded frame nearest a target time: seek to the keyframe at or before the target
// (AVSEEK_FLAG_BACKWARD, since decoding must start at a keyframe), then decode forward,
// keeping the previous frame, until a frame reaches the target; the nearer of the two wins.
import CFFmpeg

final class FrameDecoder {
    private let format: FormatContext
    private let decoder: CodecContext
    private let videoIndex: Int
    private let timeBase: AVRational
    /// Frame spacing in stream ticks, for frames without a timestamp and for "past the end".
    private let frameTicks: Int64
    private var previous: (frame: Frame, ticks: Int64)?

    init(format: FormatContext, videoIndex: Int, framesPerSecond: Double) throws(MediaProbeError) {
        let stream = format.stream(videoIndex)
        self.format = format
        self.videoIndex = videoIndex
        self.timeBase = stream.pointee.time_base
        self.decoder = try CodecContext.decoder(for: stream, path: format.path)
        let ticksPerSecond = 1 / av_q2d(timeBase)
        self.frameTicks = max(1, Int64((ticksPerSecond / max(framesPerSecond, 1)).rounded()))
        format.discardAllStreams(except: videoIndex)
    }

    /// Stream ticks of `seconds` after the stream's first timestamp.
    func ticks(seconds: Double) -> Int64 {
        let start = format.stream(videoIndex).pointee.start_time
        let origin = start == FFmpegStatus.noTimestamp ? 0 : start
        return origin + Int64((seconds / av_q2d(timeBase)).rounded())
    }

    /// The frame whose timestamp is nearest `target` (stream ticks). Call once per decoder.
    /// - Throws: `.frameNotFound` past the end of the stream, `.cannotDecode` on read errors.
    /// - Parameter label: names the target in the error, e.g. `frame 900`.
    func frame(nearest target: Int64, label: String) throws(MediaProbeError) -> Frame {
        // The file was just opened, so a target at the start needs no seek (and image2, which
        // reads single JPEGs, loses its only packet when asked to seek). A failed seek
        // (unseekable input) leaves the demuxer at the start: decoding from there is slower
        // but still right, so its status is deliberately not an error.
        if target > ticks(seconds: 0) {
            _ = av_seek_frame(format.pointer, Int32(videoIndex), target, AVSEEK_FLAG_BACKWARD)
        }
        avcodec_flush_buffers(decoder.pointer)
        previous = nil
        let packet = Packet()
        for _ in 0..<ProbeLimits.packetsCountedMax {
            let status = av_read_frame(format.pointer, packet.pointer)
            if status == FFmpegStatus.endOfFile { break }
            try check(status, action: "cannot read packets")
            defer { av_packet_unref(packet.pointer) }
            guard Int(packet.pointer.pointee.stream_index) == videoIndex else { continue }
            // A corrupt packet (box.mp4 has a few h264 slice errors) is skipped, as players do.
            if avcodec_send_packet(decoder.pointer, packet.pointer) < 0 { continue }
            if let found = try receiveFrames(until: target) { return found }
        }
        try check(avcodec_send_packet(decoder.pointer, nil), action: "cannot decode")
        if let found = try receiveFrames(until: target) { return found }
        return try lastFrame(near: target, label: label)
    }

    /// Drains decoded frames; returns the answer once a frame at or after `target` appears.
    private func receiveFrames(until target: Int64) throws(MediaProbeError) -> Frame? {
        while true {
            let frame = Frame()
            let status = avcodec_receive_frame(decoder.pointer, frame.pointer)
            if status == FFmpegStatus.tryAgain || status == FFmpegStatus.endOfFile { return nil }
            try check(status, action: "cannot decode")
            var timestamp = frame.pointer.pointee.best_effort_timestamp
            if timestamp == FFmpegStatus.noTimestamp {
                timestamp = (previous?.ticks ?? ticks(seconds: 0) - frameTicks) + frameTicks
            }
            if timestamp >= target {
                guard let previous, target - previous.ticks < timestamp - target else {
                    return frame
                }
                return previous.frame
            }
            previous = (frame, timestamp)
        }
    }

    /// At the end of the stream the last frame is the answer only if the target is within one
    /// frame of it; further on is past the end.
    private func lastFrame(near target: Int64, label: String) throws(MediaProbeError) -> Frame {
        if let previous, target - previous.ticks <= frameTicks { return previous.frame }
        throw MediaProbeError(.frameNotFound, path: format.path, action: "no \(label)",
                              reason: "past the end of the video stream")
    }

    private func check(_ status: Int32, action: String) throws(MediaProbeError) {
        guard status < 0 else { return }
        throw MediaProbeError(.cannotDecode, path: format.path, action: action, status: status)
    }
}
