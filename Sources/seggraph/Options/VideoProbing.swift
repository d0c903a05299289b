// Turns a MediaProbe answer into the plain VideoFacts the engine takes, so SegGraph itself
// never links libavformat.
import Foundation
import MediaProbe
import SegGraph
import SegGraphModel

enum VideoProbing {
    /// Probes `path` (relative to the working directory) from the header only.
    /// - Throws: `MediaProbeError`, whose text names the file and the reason.
    static func facts(path: String) throws -> VideoFacts {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let info = try MediaProbe().probe(path: absolute)
        let fps = info.frameRate.framesPerSecond
        return VideoFacts(
            path: absolute, framesPerSecond: fps > 0 ? fps : nil,
            width: info.width > 0 ? info.width : nil, height: info.height > 0 ? info.height : nil,
            durationSeconds: info.durationSeconds,
            startTime: info.creationTime.map { WallClockTime(utcNanoseconds: $0.utcNanoseconds, offsetSeconds: 0) })
    }

    /// Probes the `video` a document names (already resolved against its folder).
    static let prober: VideoProber = { path in try facts(path: path) }

    /// Decodes, crops and encodes the JPEG the engine chose for a segment (`thumbnail` and
    /// the server's `thumbnail.jpg` route).
    /// - Throws: `MediaProbeError` when the video cannot be read or the frame decoded.
    static func jpeg(_ request: ThumbnailRequest, margin: Double, maxSide: Int) throws -> [UInt8] {
        try MediaProbe().thumbnail(path: request.videoPath, at: position(request), box: pixelBox(request),
                                   marginFraction: margin, maxSide: maxSide)
    }

    /// The frame the engine chose, in MediaProbe's terms.
    static func position(_ request: ThumbnailRequest) -> FramePosition {
        switch request.position {
        case .frameIndex(let index): .frameIndex(index)
        case .timeSeconds(let seconds): .timeSeconds(seconds)
        }
    }

    /// The box the engine chose, in MediaProbe's terms.
    static func pixelBox(_ request: ThumbnailRequest) -> PixelBox {
        PixelBox(x: Double(request.box.x), y: Double(request.box.y), width: Double(request.box.width), height: Double(request.box.height))
    }
}
