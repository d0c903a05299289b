// The elements that carry data: task metadata, tracks and their shapes.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SegGraphModel

extension CVATParser {
    func startTrack(_ attributes: [String: String]) {
        guard let id = integer(attributes["id"]) else {
            return fail(field: "@id", "expected an integer track id, found \(quoted(attributes["id"]))")
        }
        guard let label = attributes["label"], !label.isEmpty, label.utf8.count <= ImportLimits.labelBytesMax else {
            return fail(field: "@label", "track \(id) has no label (or one longer than \(ImportLimits.labelBytesMax) bytes)")
        }
        track = CVATTrack(id: id, label: label, labelSource: attributes["source"],
                          groupID: integer(attributes["group_id"]), line: parser.lineNumber)
    }

    func startShape(_ element: String, _ attributes: [String: String]) {
        guard CVATShapeKind.supported.contains(element) else {
            if CVATShapeKind.skipped.contains(element) { skippedShapes += 1 }
            return
        }
        guard let frame = integer(attributes["frame"]), frame >= 0 else {
            return fail(field: "@frame", "expected a non-negative integer frame, found \(quoted(attributes["frame"]))")
        }
        // Set before the checks below so their errors name the frame.
        shape = CVATShape(frame: frame, outside: false, occluded: false,
                          box: CVATBox(left: 0, top: 0, right: 0, bottom: 0), attributes: [], line: parser.lineNumber)
        guard let outside = flag(attributes["outside"]), let occluded = flag(attributes["occluded"]) else {
            let field = flag(attributes["outside"]) == nil ? "outside" : "occluded"
            return fail(field: "@" + field, "expected 0 or 1, found \(quoted(attributes[field]))")
        }
        do {
            let box = try CVATShapeKind.box(element: element, attributes)
            guard box.right >= box.left, box.bottom >= box.top else {
                return fail(field: "", "shape has negative size (right/bottom before left/top)")
            }
            shapeCount += 1
            guard shapeCount <= ImportLimits.bufferedBoxesMax else {
                return fail(field: "", "more than \(ImportLimits.bufferedBoxesMax) shapes")
            }
            shape?.outside = outside
            shape?.occluded = occluded
            shape?.box = box
        } catch {
            fail(field: error.field, error.reason)
        }
    }

    /// Text of `<meta><task|job>` children that SegGraph keeps.
    func endMetaElement() {
        let path = Array(stack.dropFirst(2))
        guard let owner = path.first, owner == "task" || owner == "job" else {
            if path == ["source"], !text.isEmpty { meta.videoPath = text }
            return
        }
        let value = text
        switch Array(path.dropFirst()) {
        case ["id"]: meta.taskID = integer(value)
        case ["name"]: meta.name = value.isEmpty ? nil : value
        case ["size"]: meta.size = integer(value)
        case ["start_frame"]: meta.startFrame = integer(value) ?? 0
        case ["stop_frame"]: meta.stopFrame = integer(value)
        case ["source"]: meta.videoPath = value.isEmpty ? nil : value
        case ["frame_filter"]:
            // `step=5`; an empty filter means every frame.
            if value.hasPrefix("step="), let step = integer(String(value.dropFirst(5))), step > 0 {
                meta.frameStep = step
            }
        case ["original_size", "width"]: meta.width = integer(value).map { Int($0) }
        case ["original_size", "height"]: meta.height = integer(value).map { Int($0) }
        default: break
        }
    }

    func integer(_ text: String?) -> Int64? {
        guard let text else { return nil }
        return Int64(Substring(text).trimmingSpaces)
    }

    /// CVAT writes `0`/`1`; an absent flag is 0.
    func flag(_ text: String?) -> Bool? {
        switch text {
        case nil, "0", "false", "False": false
        case "1", "true", "True": true
        default: nil
        }
    }

    func quoted(_ text: String?) -> String {
        text.map { "\"\($0)\"" } ?? "nothing"
    }
}
