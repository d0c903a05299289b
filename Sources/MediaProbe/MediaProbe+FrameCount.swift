// Frame count: the header's `nb_frames` when it agrees with duration × fps, else the number of
// video packets in the file (one packet is one frame for the codecs SegGraph meets; see the
// caveats on `MediaProbe`).
import CFFmpeg

extension MediaProbe {
    static func frameCount(format: FormatContext, videoIndex: Int, exact: Bool,
                           durationSeconds: Double?,
                           framesPerSecond: Double) throws(MediaProbeError) -> FrameCountInfo {
        let header = Int(format.stream(videoIndex).pointee.nb_frames)
        let headerFrames = header > 0 ? header : nil
        let distrust = FrameClock.headerDistrust(headerFrames: headerFrames,
                                                 durationSeconds: durationSeconds,
                                                 framesPerSecond: framesPerSecond)
        if let headerFrames, distrust == nil, !exact {
            return FrameCountInfo(frames: headerFrames, method: .header,
                                  headerFrames: headerFrames,
                                  reason: "header frame count agrees with duration × fps")
        }
        let counted = try countPackets(format: format, videoIndex: videoIndex)
        return FrameCountInfo(frames: counted, method: .packetCount, headerFrames: headerFrames,
                              reason: distrust ?? "exact count requested")
    }

    /// Reads every packet, counting those of the video stream. Leaves the demuxer at the end
    /// of the file: callers must not read from `format` afterwards without seeking.
    static func countPackets(format: FormatContext,
                             videoIndex: Int) throws(MediaProbeError) -> Int {
        format.discardAllStreams(except: videoIndex)
        let packet = Packet()
        var count = 0
        for _ in 0..<ProbeLimits.packetsCountedMax {
            let status = av_read_frame(format.pointer, packet.pointer)
            if status == FFmpegStatus.endOfFile { return count }
            if status < 0 {
                throw MediaProbeError(.cannotDecode, path: format.path,
                                      action: "cannot read packets", status: status)
            }
            if Int(packet.pointer.pointee.stream_index) == videoIndex { count += 1 }
            av_packet_unref(packet.pointer)
        }
        return count
    }
}
