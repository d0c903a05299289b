// Annotations of both layouts: `bbox` + `image_id` (CocoVID, TAO) or `bboxes` per frame
// (YouTube-VIS). Boxes are `[x, y, w, h]` in pixels, as in COCO.
import SegGraphModel

extension COCOVIDParser {
    mutating func readAnnotation(_ reader: inout JSONReader, path: String) throws(JSONFailure) -> COCOAnnotation {
        var annotation = COCOAnnotation(path: path)
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "bbox") { annotation.bbox = try readBox(&reader) }
            else if reader.token(key, is: "bboxes") { annotation.bboxes = try readBoxes(&reader) }
            else if reader.token(key, is: "image_id") { annotation.imageID = try reader.readInteger() }
            else if reader.token(key, is: "video_id") { annotation.videoID = try reader.readInteger() }
            else if reader.token(key, is: "category_id") { annotation.categoryID = try reader.readInteger() }
            else if reader.token(key, is: "instance_id") || reader.token(key, is: "track_id") {
                annotation.instanceID = try reader.readInteger()
            }
            else if reader.token(key, is: "id") { annotation.id = try reader.readInteger() }
            else if reader.token(key, is: "score") { annotation.score = try readScore(&reader) }
            else if reader.token(key, is: "iscrowd") { annotation.isCrowd = try reader.readInteger() != 0 }
            else { try reader.skipValue() }
        }
        guard annotation.bbox != nil || annotation.bboxes != nil else {
            throw reader.failure("annotation has neither \"bbox\" nor \"bboxes\"")
        }
        guard annotation.categoryID != nil else { throw reader.failure("missing required field \"category_id\"") }
        return annotation
    }

    /// `[x, y, w, h]`, finite, non-negative size; `null` → nil.
    private mutating func readBox(_ reader: inout JSONReader) throws(JSONFailure) -> [Float]? {
        if try reader.consumeNull() { return nil }
        var values: [Float] = []
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < 4 else { throw reader.failure("a box has 4 numbers [x, y, w, h], found more") }
            let value = Float(try reader.readDouble())
            guard value.isFinite else { throw reader.failure("number is out of range for a 32-bit float") }
            guard index < 2 || value >= 0 else { throw reader.failure("box \(index == 2 ? "width" : "height") \(value) is negative") }
            values.append(value)
            index += 1
        }
        guard values.count == 4 else { throw reader.failure("a box has 4 numbers [x, y, w, h], found \(values.count)") }
        file.boxCount += 1
        guard file.boxCount <= ImportLimits.bufferedBoxesMax else {
            throw reader.failure("more than \(ImportLimits.bufferedBoxesMax) boxes")
        }
        return values
    }

    private mutating func readBoxes(_ reader: inout JSONReader) throws(JSONFailure) -> [[Float]?] {
        var boxes: [[Float]?] = []
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            boxes.append(try readBox(&reader))
            index += 1
        }
        return boxes
    }

    private func readScore(_ reader: inout JSONReader) throws(JSONFailure) -> Double? {
        guard let value = try reader.readOptionalDouble() else { return nil }
        guard value.isFinite else { throw reader.failure("score is not finite") }
        return value
    }
}
