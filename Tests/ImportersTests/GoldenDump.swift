// Goal: a compact, deterministic text form of what an importer produced, so foreign-format
// fixtures can be checked against golden files (`NAME.expected.jsonl`) byte for byte.
// Method: one JSON object per line, sources and segments in consumer call order; numbers in
// Swift's shortest round-trip form; attributes kept as the importer wrote them.
// Set SEGGRAPH_UPDATE_GOLDENS=1 to rewrite the golden files (then review the diff).
import Foundation
import Importers
import SegGraphModel

enum GoldenDump {
    static func render(_ consumer: RecordingConsumer) -> String {
        var lines: [String] = []
        var sourceIndex = 0, segmentIndex = 0
        for event in consumer.events {
            if event.hasPrefix("source:") {
                lines.append(render(consumer.sources[sourceIndex]))
                sourceIndex += 1
            } else {
                lines.append(render(consumer.segments[segmentIndex]))
                segmentIndex += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ source: SourceInput) -> String {
        var fields = ["\"source\":" + quoted(source.name)]
        if let fps = source.framesPerSecond { fields.append("\"fps\":\(number(fps))") }
        if let width = source.width, let height = source.height { fields.append("\"size\":[\(width),\(height)]") }
        if let video = source.videoPath { fields.append("\"video\":" + quoted(video)) }
        if source.extraJSON != "{}" { fields.append("\"extra\":" + source.extraJSON) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func render(_ segment: SegmentInput) -> String {
        var fields = ["\"id\":" + quoted(segment.externalID)]
        if let source = segment.sourceName { fields.append("\"source\":" + quoted(source)) }
        fields.append("\"type\":" + quoted(segment.type))
        fields.append("\"label\":" + quoted(segment.label))
        fields.append("\"start\":\(number(segment.startSeconds)),\"end\":\(number(segment.endSeconds))")
        fields.append("\"confidence\":" + (segment.confidence.map(number) ?? "null"))
        fields.append("\"track_id\":" + (segment.trackID.map(quoted) ?? "null"))
        fields.append("\"attributes\":" + segment.attributesJSON)
        fields.append("\"at\":" + quoted(segment.location.description))
        let boxes = segment.boxes.map { box in
            let frame = box.frameIndex.map { String($0) } ?? "null"
            let time = box.timeSeconds.map(number) ?? "null"
            return "[\(frame),\(time),\(box.x),\(box.y),\(box.width),\(box.height)]"
        }
        fields.append("\"boxes\":[" + boxes.joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    /// Compares `actual` with the golden file, or rewrites it when SEGGRAPH_UPDATE_GOLDENS=1.
    static func matches(_ actual: String, golden url: URL) throws -> Bool {
        if ProcessInfo.processInfo.environment["SEGGRAPH_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == actual
    }
}
