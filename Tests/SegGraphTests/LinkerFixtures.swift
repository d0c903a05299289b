// Hand-built segments for linker tests: boxes at 10 fps with explicit positions, so each
// rule's threshold can be hit exactly.
import Foundation
import SegGraph
import TestSupport

/// A segment whose box moves linearly from `from` to `to` over [start, end] at 10 fps.
func movingSegment(_ id: String, label: String, type: String = "object_appearance", start: Double, end: Double,
                   from: (x: Double, y: Double, w: Double, h: Double), to: (x: Double, y: Double, w: Double, h: Double)? = nil,
                   track: String? = nil) -> String {
    let target = to ?? from
    let frames = Int(((end - start) * 10).rounded())
    var boxes: [String] = []
    for i in 0...frames {
        let t = frames == 0 ? 0 : Double(i) / Double(frames)
        func lerp(_ a: Double, _ b: Double) -> Double { ((a + (b - a) * t) * 10).rounded() / 10 }
        let frame = Int((start * 10).rounded()) + i
        boxes.append("{\"frame\": \(frame), \"time_sec\": \(Double(frame) / 10), \"x\": \(lerp(from.x, target.x)), \"y\": \(lerp(from.y, target.y)), \"w\": \(lerp(from.w, target.w)), \"h\": \(lerp(from.h, target.h))}")
    }
    let attributes = track.map { "{\"track_id\": \"\($0)\"}" } ?? "{}"
    return "{\"segment_id\": \"\(id)\", \"type\": \"\(type)\", \"label\": \"\(label)\", \"start_time_sec\": \(start), \"end_time_sec\": \(end), \"bounding_boxes\": [\(boxes.joined(separator: ", "))], \"confidence\": 0.9, \"attributes\": \(attributes)}"
}

extension StoreFixture {
    /// Imports one document of `segments` into source `cam`.
    func importSegments(_ segments: [String], file: String = "cam.json", source: String = "cam") throws {
        try importFile(directory.write(file, documentJSON(source: source, segments: segments)))
    }

    /// Every edge as `kind:from->to` with external ids, sorted.
    func edgeSet() throws -> [String] {
        try store.read { snapshot in
            var filter = SegmentFilter()
            filter.limit = Limits.queryResultsMax
            let hits = try snapshot.segments(matching: filter).hits
            let names = Dictionary(uniqueKeysWithValues: hits.map { ($0.segment.id, "\($0.source.name)/\($0.segment.externalID)") })
            var edges: [String] = []
            for hit in hits {
                for end in try snapshot.edgeEnds(of: hit.segment.id) where end.direction == .outgoing {
                    let edge = try snapshot.edge(at: end, of: hit.segment.id)
                    edges.append("\(edge.kind):\(names[edge.from]!)->\(names[edge.to]!)")
                }
            }
            return edges.sorted()
        }
    }
}
