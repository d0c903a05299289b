// Detections grouped by track id into segments, ordered by (first frame, track id).
import SegGraphModel

enum UltralyticsTracks {
    static func segments(_ detections: [UltralyticsDetection], fps: Double, gapFramesMax: Int,
                         displayName: String) throws(ImportError) -> [SegmentInput] {
        var byTrack: [Int64: [UltralyticsDetection]] = [:]
        for detection in detections { if let id = detection.trackID { byTrack[id, default: []].append(detection) } }
        var result: [(frame: Int64, track: Int64, segment: SegmentInput)] = []
        for (trackID, unsorted) in byTrack {
            let track = unsorted.sorted { ($0.frame, $0.line) < ($1.frame, $1.line) }
            for index in track.indices.dropFirst() where track[index].frame == track[index - 1].frame {
                throw ImportError(displayName, line: track[index].line, field: "track_id",
                                  "track \(trackID) already has a detection in frame \(track[index].frame) (line \(track[index - 1].line))")
            }
            let spans = TrackSpans.split(frames: track.map(\.frame), gapFramesMax: gapFramesMax)
            for (index, span) in spans.enumerated() {
                let id = TrackSpans.segmentID(base: "track-\(trackID)", span: index, of: spans.count)
                result.append((track[span.lowerBound].frame, trackID, segment(id, trackID, track[span], fps)))
            }
        }
        result.sort { ($0.frame, $0.track, $0.segment.externalID) < ($1.frame, $1.track, $1.segment.externalID) }
        return result.map(\.segment)
    }

    private static func segment(_ id: String, _ trackID: Int64, _ detections: ArraySlice<UltralyticsDetection>,
                                _ fps: Double) -> SegmentInput {
        let boxes = detections.map { $0.box.boxInput(frame: $0.frame, timeSeconds: Double($0.frame) / fps) }
        let confidences = detections.compactMap(\.confidence)
        let label = mostCommon(detections.map(\.name))
        var attributes = JSONObjectWriter()
        attributes.add("track_id", int: trackID)
        if let classID = detections.first(where: { $0.name == label })?.classID { attributes.add("class_id", int: classID) }
        return SegmentInput(
            externalID: id, label: label,
            startSeconds: boxes.first!.timeSeconds!, endSeconds: boxes.last!.timeSeconds!, boxes: boxes,
            confidence: confidences.isEmpty ? nil : confidences.reduce(0, +) / Double(confidences.count),
            trackID: String(trackID), attributesJSON: attributes.text,
            location: InputLocation(line: detections.first!.line, jsonPath: "track_id"))
    }

    /// Trackers may relabel a track between frames; the majority wins, ties → the earliest.
    static func mostCommon(_ names: [String]) -> String {
        var counts: [String: (count: Int, first: Int)] = [:]
        for (index, name) in names.enumerated() {
            counts[name] = ((counts[name]?.count ?? 0) + 1, counts[name]?.first ?? index)
        }
        return counts.min { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }!.key
    }
}
