// A span's attributes JSON. CVAT attributes may change from frame to frame ("mutable"), while
// a segment has one attributes object. Choice: each attribute's most common value over the
// span (ties → the earliest) at the top level, so `attributes.color = 'red'` queries work;
// and for attributes that change, the full history in `attribute_changes` as
// `{"name": [[frame, "value"], …]}` (a frame where each new value starts), so nothing is lost.

extension CVATTrack {
    /// Keys SegGraph writes itself; CVAT attributes with these names get a `cvat_` prefix.
    static let reservedKeys: Set<String> = ["track_id", "label_source", "group_id", "occluded_frames", "attribute_changes"]

    func attributesJSON(span: [CVATFrame], shapes: [CVATShape], videoFrame: (Int64) -> Int64) -> String {
        var writer = JSONObjectWriter()
        writer.add("track_id", int: id)
        if let labelSource { writer.add("label_source", string: labelSource) }
        if let groupID { writer.add("group_id", int: groupID) }
        writer.add("occluded_frames", int: Int64(span.filter(\.occluded).count))
        var names: [String] = []
        var counts: [String: [String: (count: Int, first: Int)]] = [:]
        var changes: [String: [(frame: Int64, value: String)]] = [:]
        for (position, frame) in span.enumerated() {
            for (name, value) in shapes[frame.shapeIndex].attributes {
                if counts[name] == nil { names.append(name) }
                let previous = counts[name, default: [:]][value]
                counts[name, default: [:]][value] = ((previous?.count ?? 0) + 1, previous?.first ?? position)
                if changes[name, default: []].last?.value != value {
                    changes[name, default: []].append((videoFrame(frame.frame), value))
                }
            }
        }
        var history = JSONObjectWriter()
        for name in names {
            let key = Self.reservedKeys.contains(name) ? "cvat_" + name : name
            let best = counts[name]!.min { ($1.value.count, $0.value.first) < ($0.value.count, $1.value.first) }!
            writer.add(key, string: best.key)
            let steps = changes[name]!
            guard steps.count > 1 else { continue }
            var list = "["
            for (index, step) in steps.enumerated() {
                if index > 0 { list += "," }
                list += "[\(step.frame),"
                JSONObjectWriter.appendQuoted(step.value, to: &list)
                list += "]"
            }
            history.add(key, json: list + "]")
        }
        if history.text != "{}" { writer.add("attribute_changes", json: history.text) }
        return writer.text
    }
}
