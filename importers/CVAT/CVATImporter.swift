// CVAT for video 1.1 XML (the "CVAT for video" export of a task or job). Parsed with
// Foundation's SAX `XMLParser`; tracks are buffered (bounded by ImportLimits) and delivered
// after the parse, so a malformed file delivers nothing.
import Foundation
import SegGraphModel

/// Reads a CVAT for video 1.1 file and pushes one source and its track segments.
///
/// - Source: `options.sourceNameOverride`, else the task's `<name>`, else
///   `options.defaultSourceName`; size from `<original_size>`, video from `<source>`.
/// - Frame rate: `options.framesPerSecond` (CVAT does not store it), else an error.
/// - Time of task frame f: `(start_frame + f · step) / fps` (`step` from `<frame_filter>`
///   `step=N`); boxes carry that video frame number.
/// - One segment per visible span of a track (`outside="1"` ends a span): id `track-<id>`,
///   suffixed `-1`, `-2`… when the track has several spans; label = the track's label; type
///   `object_appearance`; confidence `nil`. Shapes: box, polygon, polyline, points, ellipse and
///   mask become their bounding box; cuboids and skeletons are skipped (`skipped_shape`).
/// - Attributes: `track_id`, `label_source`, `group_id`, `occluded_frames`, then each CVAT
///   attribute (see CVATTrack+Attributes.swift).
public struct CVATImporter: Sendable {
    public let path: String
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// - Throws: `ImportError` with the line and an element path
    ///   (`track[@id="3"]/box[@frame="12"]/@xtl`); whatever `consumer` throws.
    /// - Complexity: O(shapes + interpolated frames); memory O(shapes).
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw ImportError(file: displayName, location: nil, reason: "cannot open: \(error.localizedDescription)")
        }
        guard !data.isEmpty else { throw ImportError(file: displayName, location: nil, reason: "file is empty") }
        if let encoding = XMLDeclaration.encoding(of: data), !XMLDeclaration.accepted.contains(encoding) {
            throw ImportError(file: displayName, location: InputLocation(line: 1, jsonPath: "<?xml encoding>"),
                              reason: encoding.isEmpty ? "the XML declaration's encoding cannot be read (CVAT writes UTF-8)"
                                  : "XML encoding \"\(encoding)\" is not supported (CVAT writes UTF-8)")
        }
        if let line = XMLDeclaration.documentTypeLine(in: data) {
            throw ImportError(file: displayName, location: InputLocation(line: line, jsonPath: "<!DOCTYPE>"),
                              reason: "a document type or entity declaration (CVAT writes none; external entities are never read)")
        }
        if let line = XMLDeclaration.processingInstructionLine(in: data) {
            throw ImportError(file: displayName, location: InputLocation(line: line, jsonPath: "<?…?>"),
                              reason: "a processing instruction other than <?xml …?> (CVAT writes none)")
        }
        let parser = CVATParser(data: data, displayName: displayName)
        parser.parse()
        if let error = parser.error { throw error }
        let fps = try framesPerSecond()
        let meta = parser.meta
        var extra = JSONObjectWriter()
        if let taskID = meta.taskID { extra.add("cvat_task_id", int: taskID) }
        let source = SourceInput(name: options.sourceNameOverride ?? meta.name ?? options.defaultSourceName,
                                 framesPerSecond: fps, width: meta.width, height: meta.height,
                                 videoPath: meta.videoPath, extraJSON: extra.text)
        var delivery = SegmentDelivery(displayName: displayName, format: .cvat, byteCount: data.count)
        delivery.warn(.skippedShape, count: parser.skippedShapes)
        try delivery.deliver(source: source, into: &consumer)
        let lastFrame = meta.stopFrame.map { ($0 - meta.startFrame) / meta.frameStep } ?? meta.size.map { $0 - 1 }
        for track in parser.tracks {
            for segment in try segments(track, meta: meta, lastFrame: lastFrame, fps: fps) {
                try delivery.deliver(segment, source: source, into: &consumer)
            }
        }
        return delivery.report
    }

    private func segments(_ track: CVATTrack, meta: CVATMeta, lastFrame: Int64?, fps: Double) throws(ImportError) -> [SegmentInput] {
        let shapes: [CVATShape]
        let spans: [[CVATFrame]]
        do {
            shapes = try track.sortedShapes()
            spans = try CVATTrack.spans(shapes, lastFrame: lastFrame)
        } catch {
            throw ImportError(displayName, line: error.line ?? track.line, field: "track[@id=\"\(track.id)\"]/" + error.field, error.reason)
        }
        let videoFrame = { (frame: Int64) in meta.startFrame + frame * meta.frameStep }
        return spans.enumerated().map { index, span in
            let boxes = span.map { $0.box.boxInput(frame: videoFrame($0.frame), timeSeconds: Double(videoFrame($0.frame)) / fps) }
            return SegmentInput(
                externalID: TrackSpans.segmentID(base: "track-\(track.id)", span: index, of: spans.count),
                label: track.label, startSeconds: boxes.first!.timeSeconds!, endSeconds: boxes.last!.timeSeconds!,
                boxes: boxes, trackID: String(track.id),
                attributesJSON: track.attributesJSON(span: span, shapes: shapes, videoFrame: videoFrame),
                location: InputLocation(line: shapes[span[0].shapeIndex].line, jsonPath: "track[@id=\"\(track.id)\"]"))
        }
    }

    private func framesPerSecond() throws(ImportError) -> Double {
        guard let fps = options.framesPerSecond else {
            throw ImportError(file: displayName, location: nil,
                              reason: "frame rate unknown: CVAT files do not store it; give it with --fps")
        }
        guard fps.isFinite, fps > 0 else {
            throw ImportError(file: displayName, location: nil, reason: "frame rate must be positive, got \(fps)")
        }
        return fps
    }
}
