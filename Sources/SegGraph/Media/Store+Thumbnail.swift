// Which picture shows a segment: its source's video, a frame, and the box in that frame.
// The engine only chooses; decoding is MediaProbe's job (the CLI, later the server), so
// SegGraph itself never links libavformat.
internal import Foundation
internal import LMDB

/// What to decode for a segment's thumbnail.
public struct ThumbnailRequest: Sendable, Equatable {
    /// Which frame of the video to decode.
    public enum Position: Sendable, Equatable {
        /// Frame number as the segment's boxes count frames.
        case frameIndex(Int)
        /// Seconds from the video's start (the source's t = 0).
        case timeSeconds(Double)
    }

    /// `SOURCE/EXTERNAL_ID` of the segment.
    public var segmentName: String
    /// Absolute, or as stored when the import's folder is unknown.
    public var videoPath: String
    /// The requested frame when one was given; else the chosen box's frame number, or, for a
    /// box without one, seconds from the source's t = 0.
    public var position: Position
    /// The box to crop: pixels, top-left origin.
    public var box: Box
}

extension Store {
    /// The frame and box that show segment `segmentName` (`SOURCE/SEGMENT_ID` or `#ID`): the box nearest the segment's middle, or nearest
    /// `frame` when given (that frame is decoded, with its nearest box).
    /// - Throws: `StoreError.notFound` when the segment does not exist, its source has no
    ///   video (naming the source), or the segment has no boxes.
    /// - Complexity: O(boxes of the segment).
    public func thumbnailRequest(for segmentName: String, frame: Int? = nil) throws -> ThumbnailRequest {
        let (hit, boxes, importedFrom) = try read { snapshot in
            let id = try snapshot.segmentID(named: segmentName)
            let hit = try snapshot.requireHit(id)
            return (hit, try snapshot.boxes(of: id), try snapshot.importRecord(hit.segment.importID)?.filePath)
        }
        let segment = hit.segment
        let name = hit.name
        guard let stored = hit.source.videoPath else {
            throw StoreError(.notFound, "source \(hit.source.name) has no video (import it with a video file)")
        }
        let video = Self.resolve(videoPath: stored, importedFrom: importedFrom)
        let fps = hit.source.framesPerSecond
        func seconds(_ box: Box) -> Double? {
            if let offset = box.offsetSeconds { return segment.startOffsetSeconds + Double(offset) }
            if let frame = box.frameIndex, let fps, fps > 0 { return Double(frame) / fps }
            return nil
        }
        guard !boxes.isEmpty else { throw StoreError(.notFound, "segment \(name) has no boxes") }
        if let frame {
            let nearest = boxes.min { Self.distance($0, to: frame, fps: fps, seconds: seconds) < Self.distance($1, to: frame, fps: fps, seconds: seconds) }!
            return ThumbnailRequest(segmentName: name, videoPath: video, position: .frameIndex(frame), box: nearest)
        }
        let middle = segment.startOffsetSeconds + Double(segment.span.durationNanoseconds) / 2e9
        let nearest = boxes.enumerated().min {
            (abs((seconds($0.element) ?? .infinity) - middle), $0.offset) < (abs((seconds($1.element) ?? .infinity) - middle), $1.offset)
        }!.element
        let position: ThumbnailRequest.Position
        if let frameIndex = nearest.frameIndex {
            position = .frameIndex(Int(frameIndex))
        } else {
            position = .timeSeconds(seconds(nearest) ?? middle)
        }
        return ThumbnailRequest(segmentName: name, videoPath: video, position: position, box: nearest)
    }

    /// Frames between `box` and `frame` (by time when the box has no frame number).
    private static func distance(_ box: Box, to frame: Int, fps: Double?, seconds: (Box) -> Double?) -> Double {
        if let index = box.frameIndex { return abs(Double(index) - Double(frame)) }
        if let fps, fps > 0, let time = seconds(box) { return abs(time * fps - Double(frame)) }
        return .infinity
    }

    /// A relative video path is relative to the folder of the file that brought it.
    static func resolve(videoPath: String, importedFrom filePath: String?) -> String {
        guard !videoPath.hasPrefix("/"), let filePath else { return videoPath }
        return URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(videoPath).standardizedFileURL.path
    }
}
