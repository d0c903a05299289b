// Ultralytics tracking results (`model.track(...)`, each frame's `Results.summary()` /
// `to_json()`), saved in one of the shapes UltralyticsParser reads.
import SegGraphModel

/// Reads Ultralytics tracking JSON and pushes one source and one segment per track.
///
/// - Frame: a frame's position in the file from 0, or its record's `frame`; time = frame / fps.
/// - Frame rate: `options.framesPerSecond`, else the wrapper's `fps`, else an error.
/// - Source: `options.sourceNameOverride ?? options.defaultSourceName` (the file stem); size
///   from the wrapper's `width`/`height` if given.
/// - Segments: detections grouped by `track_id`, split at gaps over
///   `options.trackGapFramesMax`; id `track-<id>` (`-1`, `-2`… when split); label = the track's
///   most common `name` (ties → earliest); confidence = mean `confidence`; attributes
///   `{"track_id", "class_id"}`. Detections without `track_id` (frames where the tracker
///   confirmed nothing) are skipped and counted as `untracked_detection`.
/// - Not supported: `summary(normalize=True)` output (boxes in 0…1 cannot be told apart from
///   pixels without the image size), classification results (no boxes).
public struct UltralyticsImporter: Sendable {
    public let path: String
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// - Throws: `ImportError` with line and JSON path; whatever `consumer` throws.
    /// - Complexity: O(n log n) in detections; memory O(detections).
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        let file = try MappedFile.forImport(path, displayName: displayName, requireContent: true)
        let parsed = try file.withBytes { bytes throws(ImportError) in try parse(bytes) }
        guard let fps = options.framesPerSecond ?? parsed.framesPerSecond else {
            throw ImportError(file: displayName, location: nil,
                              reason: "frame rate unknown: Ultralytics results do not store it; give it with --fps")
        }
        guard fps.isFinite, fps > 0 else {
            throw ImportError(file: displayName, location: nil, reason: "frame rate must be positive, got \(fps)")
        }
        let source = SourceInput(name: options.sourceNameOverride ?? options.defaultSourceName, framesPerSecond: fps,
                                 width: parsed.width, height: parsed.height)
        var delivery = SegmentDelivery(displayName: displayName, format: .ultralytics, byteCount: file.byteCount)
        delivery.warn(.untrackedDetection, count: parsed.detections.count { $0.trackID == nil })
        try delivery.deliver(source: source, into: &consumer)
        let segments = try UltralyticsTracks.segments(parsed.detections, fps: fps,
                                                      gapFramesMax: options.trackGapFramesMax(framesPerSecond: fps),
                                                      displayName: displayName)
        for segment in segments { try delivery.deliver(segment, source: source, into: &consumer) }
        return delivery.report
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws(ImportError) -> UltralyticsParser {
        var reader = JSONReader(bytes: bytes)
        reader.position = NativeImporter.byteOrderMarkLength(bytes)
        var parser = UltralyticsParser()
        do { try parser.parse(&reader) } catch {
            var reason = error.reason
            if let column = error.column { reason += " (column \(column))" }
            throw ImportError(file: displayName, location: InputLocation(line: error.line, jsonPath: reader.renderPath(suffix: error.suffix)),
                              reason: reason)
        }
        return parser
    }
}
