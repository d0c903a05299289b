// One output row per traversal hit.
import SegGraph

enum NeighborOutput {
    static func makeRecord(_ neighbor: NeighborHit) -> OutputRecord {
        let segment: Segment = neighbor.hit.segment
        let source: Source = neighbor.hit.source
        let edge: Edge = neighbor.edge
        let outgoing: Bool = edge.to.rawValue == segment.id.rawValue
        var fields: [(String, OutputValue)] = []
        fields.append(("hops", OutputValue.int(neighbor.hops)))
        fields.append(("edge", OutputValue.string(edge.kind.description)))
        fields.append(("direction", OutputValue.string(outgoing ? "out" : "in")))
        fields.append(("segment", OutputValue.string(source.name + "/" + segment.externalID)))
        fields.append(("id", OutputValue.int(Int(segment.id.rawValue))))
        fields.append(("label", OutputValue.string(segment.label)))
        fields.append(("start", OutputValue.string(TimeDisplay.format(segment.span.startNanoseconds, source: source))))
        fields.append(("end", OutputValue.string(TimeDisplay.format(segment.span.endNanoseconds, source: source))))
        fields.append(("properties", OutputValue.rawJSON(propertyJSON(edge))))
        return OutputRecord(fields: fields)
    }
}
