// GraphML (http://graphml.graphdrawing.org/): typed `<key>` declarations, then nodes,
// then edges. Node ids are `n<segment id>`; the graph is directed (symmetric kinds appear
// once, from the earlier segment, as they are stored).

struct GraphMLExporter {
    let file: ExportFile

    /// (key id, attr.name, attr.type) of node data.
    static let nodeKeys: [(String, String, String)] = [
        ("source", "source", "string"), ("external_id", "external_id", "string"), ("label", "label", "string"),
        ("type", "type", "string"), ("start_ns", "start_ns", "long"), ("end_ns", "end_ns", "long"),
        ("confidence", "confidence", "double"), ("track_id", "track_id", "string"),
    ]

    func begin() throws {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        text += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        text += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for (id, name, type) in Self.nodeKeys {
            text += "  <key id=\"\(id)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        text += "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        for name in ["decision", "by", "at", "note"] {
            text += "  <key id=\"verdict_\(name)\" for=\"edge\" attr.name=\"verdict_\(name)\" attr.type=\"string\"/>\n"
        }
        for property in EdgeProperty.allCases {
            text += "  <key id=\"\(property)\" for=\"edge\" attr.name=\"\(property)\" attr.type=\"double\"/>\n"
        }
        text += "  <graph id=\"seggraph\" edgedefault=\"directed\">\n"
        try file.append(text)
    }

    func writeNode(_ item: ExportedSegment) throws {
        let segment = item.segment
        var text = "    <node id=\"n\(segment.id.rawValue)\">"
        text += Self.data("source", ExportText.xml(item.source.name))
        text += Self.data("external_id", ExportText.xml(segment.externalID))
        text += Self.data("label", ExportText.xml(segment.label)) + Self.data("type", ExportText.xml(segment.type))
        text += Self.data("start_ns", "\(segment.span.startNanoseconds)") + Self.data("end_ns", "\(segment.span.endNanoseconds)")
        if let confidence = segment.confidence { text += Self.data("confidence", ExportText.number(confidence)) }
        if let track = segment.trackID { text += Self.data("track_id", ExportText.xml(track)) }
        try file.append(text + "</node>\n")
    }

    func writeEdge(_ edge: Edge) throws {
        var text = "    <edge source=\"n\(edge.from.rawValue)\" target=\"n\(edge.to.rawValue)\">"
        text += Self.data("kind", edge.kind.description)
        for (property, value) in edge.properties { text += Self.data("\(property)", ExportText.number(value)) }
        try file.append(text + "</edge>\n")
    }

    /// An investigator's verdict as an edge of kind `verdict` (undirected in meaning: first → second).
    func writeVerdict(_ first: SegmentID, _ second: SegmentID, _ verdict: LinkVerdict) throws {
        var text = "    <edge source=\"n\(first.rawValue)\" target=\"n\(second.rawValue)\">" + Self.data("kind", "verdict")
        text += Self.data("verdict_decision", verdict.decision.rawValue) + Self.data("verdict_by", ExportText.xml(verdict.by))
        text += Self.data("verdict_at", verdict.at) + (verdict.note.map { Self.data("verdict_note", ExportText.xml($0)) } ?? "")
        try file.append(text + "</edge>\n")
    }

    func end() throws { try file.append("  </graph>\n</graphml>\n") }

    private static func data(_ key: String, _ value: String) -> String { "<data key=\"\(key)\">\(value)</data>" }
}
