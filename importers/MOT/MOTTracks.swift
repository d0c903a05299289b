// Rows grouped by track id and turned into segments, ordered like SegGraph's MOT conversions:
// by first frame, then track id (so output does not depend on the file's row order).
import SegGraphModel

struct MOTTracks {
    /// Track id → its rows sorted by frame.
    private var rowsByTrack: [Int64: [MOTRow]] = [:]

    /// - Throws: `ImportError` when one track has two rows for one frame.
    init(rows: [MOTRow], displayName: String) throws(ImportError) {
        for row in rows { rowsByTrack[row.trackID, default: []].append(row) }
        for (trackID, trackRows) in rowsByTrack {
            // Stable: rows of one frame keep file order, so the duplicate reported is the later line.
            let sorted = trackRows.enumerated().sorted { ($0.element.frame, $0.offset) < ($1.element.frame, $1.offset) }
                .map(\.element)
            for index in sorted.indices.dropFirst() where sorted[index].frame == sorted[index - 1].frame {
                throw ImportError(displayName, line: sorted[index].line, field: "frame",
                                  "track \(trackID) already has a box in frame \(sorted[index].frame) (line \(sorted[index - 1].line))")
            }
            rowsByTrack[trackID] = sorted
        }
    }

    /// The segments of every track, ordered by (first frame, track id, part).
    func segments(idPrefix: String, framesPerSecond fps: Double, gapFramesMax: Int) -> [SegmentInput] {
        var segments: [(frame: Int64, track: Int64, segment: SegmentInput)] = []
        for (trackID, rows) in rowsByTrack {
            let spans = TrackSpans.split(frames: rows.map(\.frame), gapFramesMax: gapFramesMax)
            let base = idPrefix + "-" + TrackSpans.zeroPadded(trackID, width: 4)
            for (index, span) in spans.enumerated() {
                let id = TrackSpans.segmentID(base: base, span: index, of: spans.count)
                let segment = Self.segment(id: id, trackID: trackID, rows: rows[span], fps: fps)
                segments.append((rows[span.lowerBound].frame, trackID, segment))
            }
        }
        segments.sort { ($0.frame, $0.track, $0.segment.externalID) < ($1.frame, $1.track, $1.segment.externalID) }
        return segments.map(\.segment)
    }

    private static func segment(id: String, trackID: Int64, rows: ArraySlice<MOTRow>, fps: Double) -> SegmentInput {
        let boxes = rows.map { row in
            BoxInput(frameIndex: Int32(row.frame), timeSeconds: Double(row.frame - 1) / fps,
                     x: row.x, y: row.y, width: row.width, height: row.height)
        }
        let known = rows.compactMap(\.confidence)
        var attributes = JSONObjectWriter()
        attributes.add("track_id", int: trackID)
        return SegmentInput(
            externalID: id, label: MOTRow.label(classID: rows.first!.classID),
            startSeconds: boxes.first!.timeSeconds!, endSeconds: boxes.last!.timeSeconds!, boxes: boxes,
            confidence: known.isEmpty ? nil : known.reduce(0, +) / Double(known.count),
            trackID: String(trackID), attributesJSON: attributes.text,
            location: InputLocation(line: rows.first!.line, jsonPath: "id"))
    }
}
