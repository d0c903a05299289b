// `bounding_boxes`: the hottest loop after embeddings (hundreds of boxes per segment), so box
// keys are matched on their first byte and length only.
import SegGraphModel

extension SegmentParser {
    func readBoxes(_ reader: inout JSONReader, into boxes: inout [BoxInput]) throws(JSONFailure) {
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < ImportLimits.boxesPerSegmentMax else {
                throw reader.failure("more than \(ImportLimits.boxesPerSegmentMax) boxes")
            }
            boxes.append(try readBox(&reader))
            index += 1
        }
    }

    /// `{frame?, time_sec?, x, y, w, h}`; unknown box keys are skipped.
    private func readBox(_ reader: inout JSONReader) throws(JSONFailure) -> BoxInput {
        var frame: Int32?
        var time: Double?
        var coordinates = (x: Float.nan, y: Float.nan, w: Float.nan, h: Float.nan)
        var seen = SeenKeys()
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if key.count == 1 && !key.escaped {
                switch reader.base[key.start] {
                case UInt8(ascii: "x"): try seen.claim(0, reader); coordinates.x = try readCoordinate(&reader)
                case UInt8(ascii: "y"): try seen.claim(1, reader); coordinates.y = try readCoordinate(&reader)
                case UInt8(ascii: "w"): try seen.claim(2, reader); coordinates.w = try readCoordinate(&reader)
                case UInt8(ascii: "h"): try seen.claim(3, reader); coordinates.h = try readCoordinate(&reader)
                default: try reader.skipValue()
                }
            } else if reader.token(key, is: "frame") {
                try seen.claim(4, reader)
                frame = try readFrame(&reader)
            } else if reader.token(key, is: "time_sec") {
                try seen.claim(5, reader)
                time = try reader.readOptionalDouble()
            } else {
                try reader.skipValue()
            }
        }
        // NaN marks "absent": JSON cannot spell NaN, so no parsed value is NaN.
        guard !coordinates.x.isNaN else { throw reader.failure("missing required field \"x\"") }
        guard !coordinates.y.isNaN else { throw reader.failure("missing required field \"y\"") }
        guard !coordinates.w.isNaN else { throw reader.failure("missing required field \"w\"") }
        guard !coordinates.h.isNaN else { throw reader.failure("missing required field \"h\"") }
        guard frame != nil || time != nil else {
            throw reader.failure("box needs \"frame\" or \"time_sec\"")
        }
        guard coordinates.w >= 0 else { throw reader.failure("w (\(coordinates.w)) is negative", suffix: [.name("w")]) }
        guard coordinates.h >= 0 else { throw reader.failure("h (\(coordinates.h)) is negative", suffix: [.name("h")]) }
        return BoxInput(frameIndex: frame, timeSeconds: time, x: coordinates.x, y: coordinates.y,
                        width: coordinates.w, height: coordinates.h)
    }

    /// A pixel coordinate: any finite number that fits a Float.
    @inline(__always)
    private func readCoordinate(_ reader: inout JSONReader) throws(JSONFailure) -> Float {
        let value = Float(try reader.readDouble())
        guard value.isFinite else { throw reader.failure("number is out of range for a 32-bit float") }
        return value
    }

    /// A frame number: a non-negative integer that fits Int32, or `null` for none.
    private func readFrame(_ reader: inout JSONReader) throws(JSONFailure) -> Int32? {
        if try reader.consumeNull() { return nil }
        let value = try reader.readInteger()
        guard value >= 0 else { throw reader.failure("frame (\(value)) is negative") }
        guard let frame = Int32(exactly: value) else { throw reader.failure("frame (\(value)) is out of range") }
        return frame
    }
}
