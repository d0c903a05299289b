// COCO-VID family JSON: one source per video, one segment per track (split at long gaps).
import SegGraphModel

/// Reads COCO-VID (mmtracking `CocoVID`), TAO or YouTube-VIS JSON.
///
/// Layouts (both may appear in one file):
/// - per image: `videos`, `images: [{id, video_id, frame_id | frame_index}]`,
///   `annotations: [{image_id, bbox: [x,y,w,h], category_id, instance_id | track_id, score?}]`;
/// - YouTube-VIS: `videos: [{id, file_names, width, height}]`,
///   `annotations: [{id, video_id, category_id, bboxes: [[x,y,w,h] | null per frame], score?}]`
///   (frame = index in `bboxes`).
///
/// Sources: `videos[].name`, else the folder of its first `file_names` entry, else
/// `video-<id>`; `options.sourceNameOverride` only when the file has one video. Frame rate:
/// `options.framesPerSecond`, else the video's `fps`, else an error (for videos with tracks).
/// Time = frame / fps. Segment id `track-<instance id | annotation id>` (`-1`, `-2`… when split
/// at gaps over `options.trackGapFramesMax`); label = category name; confidence = mean
/// `score` or `nil`; attributes `{"track_id", "category_id", "iscrowd"?}`.
public struct COCOVIDImporter: Sendable {
    public let path: String
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// - Throws: `ImportError` with a JSON path (`$.annotations[3].image_id`); whatever
    ///   `consumer` throws.
    /// - Complexity: O(n log n) in boxes; memory O(boxes + images).
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        let file = try MappedFile.forImport(path, displayName: displayName, requireContent: true)
        let parsed = try file.withBytes { bytes throws(ImportError) in try parse(bytes) }
        let tracks: [Int64: [COCOTrack]]
        do { tracks = try COCOVIDTracks.resolve(parsed) } catch {
            throw ImportError(file: displayName, location: InputLocation(jsonPath: error.path), reason: error.reason)
        }
        if options.sourceNameOverride != nil, parsed.videos.count > 1 {
            throw ImportError(file: displayName, location: nil,
                              reason: "--source names one source but the file has \(parsed.videos.count) videos")
        }
        var delivery = SegmentDelivery(displayName: displayName, format: .cocoVid, byteCount: file.byteCount)
        let sizes = Self.imageSizes(parsed)
        for video in parsed.videos {
            try deliver(video, tracks: tracks[video.id] ?? [], parsed: parsed, imageSize: sizes[video.id],
                        delivery: &delivery, into: &consumer)
        }
        return delivery.report
    }

    private func parse(_ bytes: UnsafeRawBufferPointer) throws(ImportError) -> COCOVIDFile {
        var reader = JSONReader(bytes: bytes)
        reader.position = NativeImporter.byteOrderMarkLength(bytes)
        var parser = COCOVIDParser()
        do { try parser.parse(&reader) } catch {
            var reason = error.reason
            if let column = error.column { reason += " (column \(column))" }
            throw ImportError(file: displayName, location: InputLocation(line: error.column == nil ? nil : error.line,
                                                                          jsonPath: reader.renderPath(suffix: error.suffix)),
                              reason: reason)
        }
        return parser.file
    }
}
