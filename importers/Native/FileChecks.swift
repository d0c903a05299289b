// Checks that span segments (unique ids per source, one dimension per embedding space) and
// the non-fatal warnings, plus the report's counts. Runs after a segment is fully parsed.
import SegGraphModel

/// A failed cross-segment check, located by the segment's own location.
struct FileCheckFailure: Error {
    var location: InputLocation
    var reason: String
}

struct FileChecks {
    let format: InputFormat
    /// Source name → segment id → ordinal of its first occurrence (line number in JSON Lines).
    private var firstOrdinalByID: [String: [String: Int]] = [:]
    /// Space → dimension and where it was first seen.
    private var spaces: [String: (dimension: Int, firstAt: String)] = [:]

    init(format: InputFormat) { self.format = format }

    /// Checks `segment` against earlier ones, counts it and its warnings into `report`.
    mutating func check(_ segment: SegmentInput, source: SourceInput, ordinal: Int,
                        report: inout ImportReport) throws(FileCheckFailure) {
        let previous = firstOrdinalByID[source.name, default: [:]].updateValue(ordinal, forKey: segment.externalID)
        if let previous {
            firstOrdinalByID[source.name]![segment.externalID] = previous
            throw FileCheckFailure(location: located(segment, ".segment_id"),
                                   reason: "duplicate segment_id \"\(segment.externalID)\" (first at \(reference(previous)))")
        }
        for (space, vector) in segment.embeddings {
            guard let known = spaces[space] else {
                spaces[space] = (vector.count, reference(ordinal))
                continue
            }
            guard known.dimension == vector.count else {
                let suffix = space == "default" ? ".embedding" : ".embeddings." + space
                throw FileCheckFailure(
                    location: located(segment, suffix),
                    reason: "embedding space \"\(space)\" has dimension \(vector.count) here but \(known.dimension) at \(known.firstAt)")
            }
        }
        report.segmentCount += 1
        report.boxCount += segment.boxes.count
        report.embeddingCount += segment.embeddings.count
        countWarnings(segment, source: source, report: &report)
    }

    /// Where the segment with this ordinal is: `$[2]`, `$.segments[2]`, `line 3`.
    private func reference(_ ordinal: Int) -> String {
        switch format {
        case .array: "$[\(ordinal)]"
        case .document: "$.segments[\(ordinal)]"
        case .jsonLines: "line \(ordinal)"
        case .mot, .cvat, .cocoVid, .ultralytics: "segment #\(ordinal + 1)"
        }
    }

    private func located(_ segment: SegmentInput, _ suffix: String) -> InputLocation {
        InputLocation(line: segment.location.line, jsonPath: segment.location.jsonPath + suffix)
    }

    private func countWarnings(_ segment: SegmentInput, source: SourceInput, report: inout ImportReport) {
        var outside = 0, gaps = 0, offTime = 0
        // One frame of slack for times rounded to frames; 1 ms when the frame rate is unknown.
        let tolerance = source.framesPerSecond.map { 1 / $0 } ?? 0.001
        var previousFrame: Int32?
        for box in segment.boxes {
            if let width = source.width, let height = source.height,
               box.x < 0 || box.y < 0 || Double(box.x) + Double(box.width) > Double(width)
                || Double(box.y) + Double(box.height) > Double(height) {
                outside += 1
            }
            if let frame = box.frameIndex {
                if let previousFrame, Int64(frame) - Int64(previousFrame) > 1 { gaps += 1 }
                previousFrame = frame
            }
            if let time = box.timeSeconds,
               time < segment.startSeconds - tolerance || time > segment.endSeconds + tolerance {
                offTime += 1
            }
        }
        if outside > 0 { report.warnings[.boxOutsideFrame, default: 0] += outside }
        if gaps > 0 { report.warnings[.frameGap, default: 0] += gaps }
        if offTime > 0 { report.warnings[.boxOutsideSegmentTime, default: 0] += offTime }
    }
}
