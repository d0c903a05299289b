// Writes the graph as two CSV files for the peer benchmarks, through the public API only:
//   nodes.csv  id,source,external_id,label,type,start_ns,end_ns
//   edges.csv  from,to,kind,close_s,gap_s   (each edge once, at its outgoing end)
import Foundation
import SegGraph

struct GraphExport {
    var storePath = ""
    var outPath = ""

    /// - Returns: (nodes, edges) written.
    func run() throws -> (nodes: Int, edges: Int) {
        let store = try Store.open(at: storePath, readOnly: true)
        var filter = SegmentFilter()
        filter.limit = Limits.queryResultsMax
        try FileManager.default.createDirectory(atPath: outPath, withIntermediateDirectories: true)
        var nodes = "id,source,external_id,label,type,start_ns,end_ns\n"
        var edges = "from,to,kind,close_s,gap_s\n"
        var edgeCount = 0
        // One snapshot for nodes and edges: the two files describe the same state.
        let nodeCount = try store.read { snapshot in
            let hits = try snapshot.segments(matching: filter).hits
            for hit in hits {
                let s = hit.segment
                nodes += [String(s.id.rawValue), csvField(hit.source.name), csvField(s.externalID), csvField(s.label),
                          csvField(s.type), String(s.span.startNanoseconds), String(s.span.endNanoseconds)]
                    .joined(separator: ",") + "\n"
                for end in try snapshot.edgeEnds(of: s.id) where end.direction == .outgoing {
                    let edge = try snapshot.edge(at: end, of: s.id)
                    let close = edge.property(.closeSeconds).map { String($0) } ?? ""
                    let gap = edge.property(.gapSeconds).map { String($0) } ?? ""
                    edges += "\(edge.from.rawValue),\(edge.to.rawValue),\(edge.kind),\(close),\(gap)\n"
                    edgeCount += 1
                }
            }
            return hits.count
        }
        try nodes.write(toFile: outPath + "/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: outPath + "/edges.csv", atomically: true, encoding: .utf8)
        return (nodeCount, edgeCount)
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
