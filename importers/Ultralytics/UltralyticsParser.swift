// The shapes Ultralytics tracking output is saved in, all read as a sequence of frames:
// - `[[det, …], [det, …]]`: one array per frame (frame = position, from 0);
// - `[det, …]` per top-level value: one `to_json()` per frame, concatenated or one per line
//   (JSON Lines); each value is the next frame;
// - frame records `{"frame": n, "detections": [det, …]}`, alone per line or in a list;
// - a wrapper `{"fps": 30, "width": 1920, "height": 1080, "frames": [record or array, …]}`.
import SegGraphModel

struct UltralyticsParser {
    var detections: [UltralyticsDetection] = []
    var framesPerSecond: Double?
    var width: Int?
    var height: Int?
    /// The frame of the next frame that does not name its own.
    private var nextFrame: Int64 = 0

    mutating func parse(_ reader: inout JSONReader) throws(JSONFailure) {
        while true {
            reader.skipWhitespace()
            if reader.atEnd { return }
            reader.path = JSONPath()
            if reader.peek() == UInt8(ascii: "{") {
                try readObject(&reader)
            } else {
                try readArray(&reader, topLevel: true)
            }
        }
    }

    /// A wrapper (`frames` key) or a frame record (`detections` key).
    private mutating func readObject(_ reader: inout JSONReader) throws(JSONFailure) {
        var probe = reader
        if try Self.hasKey("frames", &probe) {
            try reader.enterObject()
            var first = true
            while let key = try reader.nextKey(&first) {
                if reader.token(key, is: "frames") { try readArray(&reader, topLevel: false) }
                else if reader.token(key, is: "fps") { framesPerSecond = try reader.readOptionalDouble() }
                else if reader.token(key, is: "width") { width = try reader.readInteger().clampedSize }
                else if reader.token(key, is: "height") { height = try reader.readInteger().clampedSize }
                else { try reader.skipValue() }
            }
        } else {
            try readRecord(&reader)
        }
    }

    /// A list of frames (`[[…], …]` or `[{record}, …]`), or one frame's detections.
    private mutating func readArray(_ reader: inout JSONReader, topLevel: Bool) throws(JSONFailure) {
        var probe = reader
        try probe.enterArray()
        var isFrameList = !topLevel
        if try probe.nextElement(0) {
            if probe.peek() == UInt8(ascii: "[") { isFrameList = true }
            else if probe.peek() == UInt8(ascii: "{") { isFrameList = try Self.hasKey("detections", &probe) }
        }
        guard isFrameList else { return try readFrame(&reader, frame: takeFrame(nil)) }
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            if reader.peek() == UInt8(ascii: "{") { try readRecord(&reader) } else { try readFrame(&reader, frame: takeFrame(nil)) }
            index += 1
        }
    }

    /// `{"frame": n, "detections": […]}`; detections may precede the frame number.
    private mutating func readRecord(_ reader: inout JSONReader) throws(JSONFailure) {
        var frame: Int64?
        var detectionsAt: JSONReader?
        var detectionsRead = false
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "frame") {
                frame = try reader.readInteger()
                guard frame! >= 0 else { throw reader.failure("frame \(frame!) is negative") }
            } else if reader.token(key, is: "detections") {
                // Usual order: the frame number came first, so read in place (errors then carry
                // the right path); otherwise remember where the list is and read it last.
                if frame != nil {
                    try readFrame(&reader, frame: takeFrame(frame))
                    detectionsRead = true
                } else {
                    detectionsAt = reader
                    try reader.skipValue()
                }
            } else {
                try reader.skipValue()
            }
        }
        if detectionsRead { return }
        guard var detectionsReader = detectionsAt else { throw reader.failure("missing required field \"detections\"") }
        try readFrame(&detectionsReader, frame: takeFrame(frame))
    }

    private mutating func readFrame(_ reader: inout JSONReader, frame: Int64) throws(JSONFailure) {
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard detections.count < ImportLimits.bufferedBoxesMax else {
                throw reader.failure("more than \(ImportLimits.bufferedBoxesMax) detections")
            }
            detections.append(try reader.readUltralyticsDetection(frame: frame))
            index += 1
        }
    }

    private mutating func takeFrame(_ explicit: Int64?) -> Int64 {
        let frame = explicit ?? nextFrame
        nextFrame = frame + 1
        return frame
    }

    /// Whether the object at `reader` has a top-level `name` key (consumes the fork only).
    private static func hasKey(_ name: StaticString, _ reader: inout JSONReader) throws(JSONFailure) -> Bool {
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: name) { return true }
            try reader.skipValue()
        }
        return false
    }
}

extension Int64 {
    /// A positive image size as `Int`, `nil` otherwise.
    var clampedSize: Int? { self > 0 && self <= Int64(Int32.max) ? Int(self) : nil }
}
