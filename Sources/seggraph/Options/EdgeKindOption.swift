// Edge kinds on the command line: `--kind near --kind next` or `--kind near,next`.
import ArgumentParser
import SegGraph

func parseKinds(_ values: [String]) throws -> Set<EdgeKind> {
    var kinds: Set<EdgeKind> = []
    for name in values.flatMap({ $0.split(separator: ",").map(String.init) }) {
        guard let kind = EdgeKind(name: name) else {
            throw ValidationError("--kind \(name): expected one of \(EdgeKind.allCases.map(\.description).joined(separator: ", "))")
        }
        kinds.insert(kind)
    }
    return kinds
}

/// An edge's properties as compact JSON text (`{"gap_s":0.8}`), values rounded to 3 decimals.
func propertyJSON(_ edge: Edge) -> String {
    var text = "{"
    for index in edge.properties.indices {
        let key: EdgeProperty = edge.properties[index].0
        let value: Double = (edge.properties[index].1 * 1000).rounded() / 1000
        if index > 0 { text += "," }
        text += "\"" + key.description + "\":" + OutputValue.formatDouble(value)
    }
    return text + "}"
}
