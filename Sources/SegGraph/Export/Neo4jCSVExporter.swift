// Neo4j admin-import CSV (`neo4j-admin database import full --nodes=… --relationships=…`):
// typed headers (`:ID`, `:long`, `:double`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`);
// empty cells are absent properties. One relationships file holds every kind, with one
// column per edge property, so a loader declares one schema.

struct Neo4jCSVExporter {
    static let nodeHeader = "segmentId:ID,source,externalId,label,type,start:long,end:long,confidence:double,:LABEL"
    static let sourceHeader = "sourceId:ID(Source),name,startUtcNs:long,timezone,fps:double,width:int,height:int,video,:LABEL"
    let nodes: ExportFile
    let relationships: ExportFile
    let sources: ExportFile

    init(directory: String) throws {
        nodes = try ExportFile(path: directory + "/nodes.csv")
        relationships = try ExportFile(path: directory + "/relationships.csv")
        sources = try ExportFile(path: directory + "/sources.csv")
        try nodes.append(Self.nodeHeader + "\n")
        try relationships.append(Self.relationshipHeader + "\n")
        try sources.append(Self.sourceHeader + "\n")
    }

    static var relationshipHeader: String {
        ([":START_ID", ":END_ID", ":TYPE"] + EdgeProperty.allCases.map { "\($0.description):double" })
            .joined(separator: ",")
    }

    /// Relationship types in Neo4j's convention: `NEXT`, `SAME_AS`.
    static func typeName(_ kind: EdgeKind) -> String { kind.description.uppercased() }

    func writeSources(_ list: [Source]) throws {
        for source in list {
            let cells: [String] = [
                "\(source.id)", ExportText.csv(source.name), source.startUTCNanoseconds.map { "\($0)" } ?? "",
                ExportText.csv(source.timeZoneIdentifier ?? ""), source.framesPerSecond.map(ExportText.number) ?? "",
                source.width.map { "\($0)" } ?? "", source.height.map { "\($0)" } ?? "",
                ExportText.csv(source.videoPath ?? ""), "Source",
            ]
            try sources.append(cells.joined(separator: ",") + "\n")
        }
    }

    func writeNode(_ item: ExportedSegment) throws {
        let segment = item.segment
        let cells: [String] = [
            "\(segment.id.rawValue)", ExportText.csv(item.source.name), ExportText.csv(segment.externalID),
            ExportText.csv(segment.label), ExportText.csv(segment.type),
            "\(segment.span.startNanoseconds)", "\(segment.span.endNanoseconds)",
            segment.confidence.map(ExportText.number) ?? "", "Segment",
        ]
        try nodes.append(cells.joined(separator: ",") + "\n")
    }

    func writeEdge(_ edge: Edge) throws {
        var cells = ["\(edge.from.rawValue)", "\(edge.to.rawValue)", Self.typeName(edge.kind)]
        for property in EdgeProperty.allCases {
            cells.append(edge.property(property).map(ExportText.number) ?? "")
        }
        try relationships.append(cells.joined(separator: ",") + "\n")
    }

    /// `verdicts.csv` in `directory`: one relationship per investigator's verdict, typed
    /// `CONFIRMED_SAME` or `REJECTED_SAME` (load it with a second `--relationships=`).
    static func writeVerdicts(_ verdicts: [(first: SegmentID, second: SegmentID, verdict: LinkVerdict)],
                              directory: String) throws -> String {
        let file = try ExportFile(path: directory + "/verdicts.csv")
        try file.append(":START_ID,:END_ID,:TYPE,by,at,note\n")
        for (first, second, verdict) in verdicts {
            let type = verdict.decision == .confirm ? "CONFIRMED_SAME" : "REJECTED_SAME"
            let cells = ["\(first.rawValue)", "\(second.rawValue)", type, ExportText.csv(verdict.by), verdict.at,
                         ExportText.csv(verdict.note ?? "")]
            try file.append(cells.joined(separator: ",") + "\n")
        }
        try file.close()
        return file.path
    }

    /// Closes the three files; returns their paths.
    func close() throws -> [String] {
        for file in [nodes, relationships, sources] { try file.close() }
        return [nodes.path, relationships.path, sources.path]
    }
}
