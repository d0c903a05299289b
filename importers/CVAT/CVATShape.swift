// One shape of a CVAT track in one frame, reduced to its bounding box. CVAT for video writes
// every shape kind inside tracks; each is reduced to the box SegGraph stores.
import SegGraphModel

/// A track's shape at one frame, as written (keyframe or an exported in-between frame).
struct CVATShape {
    var frame: Int64
    var outside: Bool
    var occluded: Bool
    var box: CVATBox
    /// `<attribute name>value</attribute>` children, in file order.
    var attributes: [(name: String, value: String)]
    var line: Int
}

/// Corners, the form CVAT interpolates in.
struct CVATBox: Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    /// Linear interpolation between keyframes, as CVAT does for boxes (`t` in 0…1).
    func interpolated(to other: CVATBox, _ t: Double) -> CVATBox {
        CVATBox(left: left + (other.left - left) * t, top: top + (other.top - top) * t,
                right: right + (other.right - right) * t, bottom: bottom + (other.bottom - bottom) * t)
    }

    func boxInput(frame: Int64, timeSeconds: Double) -> BoxInput {
        BoxInput(frameIndex: Int32(clamping: frame), timeSeconds: timeSeconds, x: Float(left), y: Float(top),
                 width: Float(right - left), height: Float(bottom - top))
    }
}

enum CVATShapeKind {
    /// Elements that become boxes.
    static let supported: Set<String> = ["box", "polygon", "polyline", "points", "ellipse", "mask"]
    /// Elements skipped with a `skipped_shape` warning: no single box describes them well.
    static let skipped: Set<String> = ["cuboid", "skeleton"]

    /// The bounding box of a shape element from its XML attributes.
    /// - Throws: a reason naming the missing or bad attribute (`@xtl`).
    static func box(element: String, _ attributes: [String: String]) throws(CVATFailure) -> CVATBox {
        switch element {
        case "box":
            return CVATBox(left: try number("xtl", attributes), top: try number("ytl", attributes),
                           right: try number("xbr", attributes), bottom: try number("ybr", attributes))
        case "ellipse":
            let cx = try number("cx", attributes), cy = try number("cy", attributes)
            let rx = try number("rx", attributes), ry = try number("ry", attributes)
            return CVATBox(left: cx - rx, top: cy - ry, right: cx + rx, bottom: cy + ry)
        case "mask":
            let left = try number("left", attributes), top = try number("top", attributes)
            return CVATBox(left: left, top: top, right: left + (try number("width", attributes)),
                           bottom: top + (try number("height", attributes)))
        default:
            return try pointsBox(attributes)
        }
    }

    /// `points="x1,y1;x2,y2;…"` → their bounding box.
    private static func pointsBox(_ attributes: [String: String]) throws(CVATFailure) -> CVATBox {
        guard let text = attributes["points"] else { throw CVATFailure(field: "@points", reason: "missing attribute points") }
        var box = CVATBox(left: .infinity, top: .infinity, right: -.infinity, bottom: -.infinity)
        for pair in text.split(separator: ";") {
            let xy = pair.split(separator: ",")
            guard xy.count == 2, let x = Double(xy[0].trimmingSpaces), let y = Double(xy[1].trimmingSpaces),
                  x.isFinite, y.isFinite else {
                throw CVATFailure(field: "@points", reason: "expected \"x,y;x,y…\", found \"\(pair)\"")
            }
            box = CVATBox(left: min(box.left, x), top: min(box.top, y), right: max(box.right, x), bottom: max(box.bottom, y))
        }
        guard box.left.isFinite else { throw CVATFailure(field: "@points", reason: "no points") }
        return box
    }

    static func number(_ name: String, _ attributes: [String: String]) throws(CVATFailure) -> Double {
        guard let text = attributes[name] else { throw CVATFailure(field: "@" + name, reason: "missing attribute \(name)") }
        guard let value = Double(Substring(text).trimmingSpaces), value.isFinite else {
            throw CVATFailure(field: "@" + name, reason: "expected a number, found \"\(text)\"")
        }
        return value
    }
}

/// A problem inside one element; the parser adds the line and element path.
struct CVATFailure: Error {
    var field: String
    var reason: String
    /// The line of the offending shape when it is not the element being parsed.
    var line: Int? = nil
}
