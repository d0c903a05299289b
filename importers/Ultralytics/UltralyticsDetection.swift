// One detection of `Results.summary()` (what `Results.to_json()` dumps):
// `{"name": "person", "class": 0, "confidence": 0.91, "box": {"x1", "y1", "x2", "y2"},
//   "track_id": 3, "segments": …, "keypoints": …}`. Oriented boxes (OBB) have corners
// x1…x4/y1…y4 and become their bounding box. Masks and keypoints are not kept.
import SegGraphModel

struct UltralyticsDetection {
    var frame: Int64
    var trackID: Int64?
    var name: String
    var classID: Int64?
    var confidence: Double?
    var box: CVATBox
    var line: Int
}

extension JSONReader {
    /// Reads one detection object at the reader.
    mutating func readUltralyticsDetection(frame: Int64) throws(JSONFailure) -> UltralyticsDetection {
        let line = self.line
        var detection = UltralyticsDetection(frame: frame, name: "", box: CVATBox(left: 0, top: 0, right: 0, bottom: 0), line: line)
        var sawName = false, sawBox = false
        try enterObject()
        var first = true
        while let key = try nextKey(&first) {
            if token(key, is: "name") { detection.name = try readString(maxBytes: ImportLimits.labelBytesMax); sawName = true }
            else if token(key, is: "class") { detection.classID = try readInteger() }
            else if token(key, is: "confidence") { detection.confidence = try readOptionalDouble() }
            else if token(key, is: "track_id") { detection.trackID = try consumeNull() ? nil : try readInteger() }
            else if token(key, is: "box") { detection.box = try readCornerBox(); sawBox = true }
            else { try skipValue() }
        }
        guard sawName else { throw failure("missing required field \"name\"") }
        guard sawBox else { throw failure("detection has no \"box\" (classification results cannot form segments)") }
        return detection
    }

    /// `{x1, y1, x2, y2[, x3, y3, x4, y4]}` → the bounding box of the corners.
    private mutating func readCornerBox() throws(JSONFailure) -> CVATBox {
        var xs: [Double] = [], ys: [Double] = []
        try enterObject()
        var first = true
        while let key = try nextKey(&first) {
            guard key.count == 2, !key.escaped, (0x31...0x34).contains(base[key.start + 1]) else { try skipValue(); continue }
            let value = try readDouble()
            guard Float(value).isFinite else { throw failure("number is out of range for a 32-bit float") }
            switch base[key.start] {
            case UInt8(ascii: "x"): xs.append(value)
            case UInt8(ascii: "y"): ys.append(value)
            default: break
            }
        }
        guard xs.count >= 2, xs.count == ys.count else {
            throw failure("a box needs x1, y1, x2, y2 (or four corners)")
        }
        let box = CVATBox(left: xs.min()!, top: ys.min()!, right: xs.max()!, bottom: ys.max()!)
        return box
    }
}
