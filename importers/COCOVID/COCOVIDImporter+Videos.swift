// One video → its source and segments.
import SegGraphModel

extension COCOVIDImporter {
    func deliver(_ video: COCOVideo, tracks: [COCOTrack], parsed: COCOVIDFile, imageSize: (width: Int, height: Int)?,
                 delivery: inout SegmentDelivery, into consumer: inout some SegmentConsumer) throws {
        let fps = options.framesPerSecond ?? video.framesPerSecond
        if fps == nil, !tracks.isEmpty {
            throw ImportError(file: displayName, location: InputLocation(jsonPath: video.path),
                              reason: "frame rate unknown for video \(video.id): no \"fps\"; give it with --fps")
        }
        if let fps, !(fps.isFinite && fps > 0) {
            throw ImportError(file: displayName, location: nil, reason: "frame rate must be positive, got \(fps)")
        }
        let source = SourceInput(name: options.sourceNameOverride ?? Self.sourceName(video), framesPerSecond: fps,
                                 width: video.width ?? imageSize?.width, height: video.height ?? imageSize?.height)
        try delivery.deliver(source: source, into: &consumer)
        guard let fps else { return }
        let gapFramesMax = options.trackGapFramesMax(framesPerSecond: fps)
        var segments: [(frame: Int64, key: Int64, segment: SegmentInput)] = []
        for track in tracks where !track.boxes.isEmpty {
            let spans = TrackSpans.split(frames: track.boxes.map(\.frame), gapFramesMax: gapFramesMax)
            for (index, span) in spans.enumerated() {
                let id = TrackSpans.segmentID(base: "track-\(track.key)", span: index, of: spans.count)
                let boxes = track.boxes[span]
                segments.append((boxes.first!.frame, track.key, segment(id, track, boxes, fps, parsed)))
            }
        }
        segments.sort { ($0.frame, $0.key, $0.segment.externalID) < ($1.frame, $1.key, $1.segment.externalID) }
        for entry in segments { try delivery.deliver(entry.segment, source: source, into: &consumer) }
    }

    private func segment(_ id: String, _ track: COCOTrack, _ boxes: ArraySlice<COCOBox>, _ fps: Double,
                         _ parsed: COCOVIDFile) -> SegmentInput {
        let inputs = boxes.map { box in
            BoxInput(frameIndex: Int32(clamping: box.frame), timeSeconds: Double(box.frame) / fps,
                     x: box.x, y: box.y, width: box.width, height: box.height)
        }
        let scores = boxes.compactMap(\.score)
        var attributes = JSONObjectWriter()
        attributes.add("track_id", int: track.key)
        attributes.add("category_id", int: track.categoryID)
        if track.isCrowd { attributes.add("iscrowd", int: 1) }
        return SegmentInput(
            externalID: id, label: track.label,
            startSeconds: inputs.first!.timeSeconds!, endSeconds: inputs.last!.timeSeconds!, boxes: inputs,
            confidence: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
            trackID: String(track.key), attributesJSON: attributes.text,
            location: InputLocation(jsonPath: parsed.annotations[boxes.first!.annotation].path))
    }

    /// `name`, else the folder of the first frame file (`0043f083b5/00000.jpg`), else `video-<id>`.
    static func sourceName(_ video: COCOVideo) -> String {
        if let name = video.name, !name.isEmpty { return name }
        if let file = video.firstFileName, let slash = file.lastIndex(of: "/") { return String(file[..<slash]) }
        return "video-\(video.id)"
    }

    /// Video id → size of its earliest image, for videos that do not state their own
    /// (per-image layout). One pass over `images`.
    static func imageSizes(_ parsed: COCOVIDFile) -> [Int64: (width: Int, height: Int)] {
        var earliest: [Int64: COCOImage] = [:]
        for image in parsed.images.values where image.width != nil && image.height != nil {
            if let known = earliest[image.videoID], known.frame <= image.frame { continue }
            earliest[image.videoID] = image
        }
        return earliest.mapValues { ($0.width!, $0.height!) }
    }
}
