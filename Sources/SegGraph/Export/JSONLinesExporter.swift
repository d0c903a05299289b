// Native JSON Lines: one segment per line in the shape the native importer reads, so
// importing the file into an empty store rebuilds the same segments, boxes, vectors and
// (re-derived) edges. A source travels as an object on its first line, as a name after.
internal import SegGraphModel

struct JSONLinesExporter {
    let file: ExportFile
    private var sourcesWritten: Set<UInt32> = []

    init(file: ExportFile) { self.file = file }

    mutating func write(_ item: ExportedSegment) throws {
        let segment = item.segment
        let source = item.source
        let sourceField: String
        if sourcesWritten.insert(source.id).inserted {
            sourceField = Self.sourceObject(source)
        } else {
            sourceField = ExportText.json(source.name)
        }
        let startNanoseconds = source.startUTCNanoseconds ?? 0
        // The end as seconds from t = 0 taken from the stored nanoseconds: x / 1e9 printed in
        // shortest form parses back to a Double whose × 1e9 rounds to x again.
        let endSeconds = Double(segment.span.endNanoseconds - startNanoseconds) / 1e9
        var line = "{\"segment_id\":" + ExportText.json(segment.externalID)
        line += ",\"source\":" + sourceField
        line += ",\"type\":" + ExportText.json(segment.type) + ",\"label\":" + ExportText.json(segment.label)
        line += ",\"start_time_sec\":" + ExportText.number(segment.startOffsetSeconds)
        line += ",\"end_time_sec\":" + ExportText.number(max(endSeconds, segment.startOffsetSeconds))
        line += ",\"confidence\":" + (segment.confidence.map(ExportText.number) ?? "null")
        try file.append(line)
        try writeBoxes(item.boxes, segmentStartSeconds: segment.startOffsetSeconds)
        line = ",\"mask_pointers\":[" + segment.maskPointers.map(ExportText.json).joined(separator: ",") + "]"
        line += ",\"embeddings\":{"
        for (index, embedding) in item.embeddings.enumerated() {
            line += (index == 0 ? "" : ",") + ExportText.json(embedding.space) + ":["
            line += embedding.vector.map(ExportText.number).joined(separator: ",") + "]"
        }
        line += "},\"attributes\":" + Self.attributes(segment) + "}\n"
        try file.append(line)
    }

    private func writeBoxes(_ boxes: [Box], segmentStartSeconds: Double) throws {
        try file.append(",\"bounding_boxes\":[")
        for (index, box) in boxes.enumerated() {
            var text = index == 0 ? "{" : ",{"
            if let frame = box.frameIndex { text += "\"frame\":\(frame)," }
            if let offset = box.offsetSeconds {
                text += "\"time_sec\":" + ExportText.number(segmentStartSeconds + Double(offset)) + ","
            }
            text += "\"x\":" + ExportText.number(box.x) + ",\"y\":" + ExportText.number(box.y)
            text += ",\"w\":" + ExportText.number(box.width) + ",\"h\":" + ExportText.number(box.height) + "}"
            try file.append(text)
        }
        try file.append("]")
    }

    /// The stored attributes; a track id that foreign importers kept outside them is put back.
    static func attributes(_ segment: Segment) -> String {
        let stored = segment.attributesJSON.isEmpty ? "{}" : segment.attributesJSON
        guard let track = segment.trackID, !stored.contains("\"track_id\"") else { return stored }
        let inner = stored.dropFirst().dropLast().trimmingSpaces
        return "{\"track_id\":" + ExportText.json(track) + (inner.isEmpty ? "" : "," + inner) + "}"
    }

    /// The source as a document's `source` object, unknown fields included.
    static func sourceObject(_ source: Source) -> String {
        var members = ["\"id\":" + ExportText.json(source.name)]
        if let start = source.startUTCNanoseconds {
            let text = ISO8601.format(utcNanoseconds: start, offsetSeconds: source.startOffsetSeconds ?? 0)
            members.append("\"start_time\":" + ExportText.json(text))
        }
        if let zone = source.timeZoneIdentifier { members.append("\"timezone\":" + ExportText.json(zone)) }
        if let fps = source.framesPerSecond { members.append("\"fps\":" + ExportText.number(fps)) }
        if let width = source.width { members.append("\"width\":\(width)") }
        if let height = source.height { members.append("\"height\":\(height)") }
        if let video = source.videoPath { members.append("\"video\":" + ExportText.json(video)) }
        if let position = source.position, position.count == 2 {
            members.append("\"position\":[" + position.map(ExportText.number).joined(separator: ",") + "]")
        }
        if !source.adjacentSourceNames.isEmpty {
            members.append("\"adjacent\":[" + source.adjacentSourceNames.map(ExportText.json).joined(separator: ",") + "]")
        }
        if !source.zones.isEmpty {
            let zones = source.zones.map { zone in
                "{\"name\":" + ExportText.json(zone.name) + ",\"polygon\":["
                    + zone.points.map { "[" + $0.map(ExportText.number).joined(separator: ",") + "]" }.joined(separator: ",") + "]}"
            }
            members.append("\"zones\":[" + zones.joined(separator: ",") + "]")
        }
        if let model = source.embeddingModel { members.append("\"embedding_model\":" + ExportText.json(model)) }
        let extra = source.extraJSON.dropFirst().dropLast().trimmingSpaces
        if source.extraJSON.hasPrefix("{"), !extra.isEmpty { members.append(String(extra)) }
        return "{" + members.joined(separator: ",") + "}"
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
