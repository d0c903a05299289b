// One streaming pass over the JSON with `JSONReader`, keeping only the fields SegGraph uses.
import SegGraphModel

struct COCOVIDParser {
    var file = COCOVIDFile()

    mutating func parse(_ reader: inout JSONReader) throws(JSONFailure) {
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "videos") {
                try forEach(&reader) { (reader: inout JSONReader, index: Int) throws(JSONFailure) in
                    file.videos.append(try readVideo(&reader, path: "$.videos[\(index)]"))
                }
            } else if reader.token(key, is: "images") {
                try forEach(&reader) { (reader: inout JSONReader, _: Int) throws(JSONFailure) in try readImage(&reader) }
            } else if reader.token(key, is: "categories") {
                try forEach(&reader) { (reader: inout JSONReader, _: Int) throws(JSONFailure) in try readCategory(&reader) }
            } else if reader.token(key, is: "annotations") {
                try forEach(&reader) { (reader: inout JSONReader, index: Int) throws(JSONFailure) in
                    file.annotations.append(try readAnnotation(&reader, path: "$.annotations[\(index)]"))
                }
            } else {
                try reader.skipValue()
            }
        }
        reader.skipWhitespace()
        guard reader.atEnd else { throw reader.syntaxError("unexpected data after the top-level value") }
    }

    private func forEach(_ reader: inout JSONReader,
                         _ body: (inout JSONReader, Int) throws(JSONFailure) -> Void) throws(JSONFailure) {
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            try body(&reader, index)
            index += 1
        }
    }

    private func readVideo(_ reader: inout JSONReader, path: String) throws(JSONFailure) -> COCOVideo {
        var video = COCOVideo(id: -1, path: path)
        var sawID = false
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "id") { video.id = try reader.readInteger(); sawID = true }
            else if reader.token(key, is: "name") { video.name = try reader.readString(maxBytes: ImportLimits.identifierBytesMax) }
            else if reader.token(key, is: "width") { video.width = try readSize(&reader) }
            else if reader.token(key, is: "height") { video.height = try readSize(&reader) }
            else if reader.token(key, is: "fps") { video.framesPerSecond = try readRate(&reader) }
            else if reader.token(key, is: "file_names") { video.firstFileName = try readFirstString(&reader) }
            else { try reader.skipValue() }
        }
        guard sawID else { throw reader.failure("missing required field \"id\"") }
        return video
    }

    private mutating func readImage(_ reader: inout JSONReader) throws(JSONFailure) {
        var id: Int64?, videoID: Int64?, frame: Int64?
        var image = COCOImage(videoID: 0, frame: 0)
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "id") { id = try reader.readInteger() }
            else if reader.token(key, is: "video_id") { videoID = try reader.readInteger() }
            else if reader.token(key, is: "frame_id") || reader.token(key, is: "frame_index") { frame = try reader.readInteger() }
            else if reader.token(key, is: "width") { image.width = try readSize(&reader) }
            else if reader.token(key, is: "height") { image.height = try readSize(&reader) }
            else { try reader.skipValue() }
        }
        guard let id else { throw reader.failure("missing required field \"id\"") }
        guard let videoID else { throw reader.failure("missing required field \"video_id\"") }
        guard let frame, frame >= 0 else { throw reader.failure("missing or negative \"frame_id\" (or TAO \"frame_index\")") }
        image.videoID = videoID
        image.frame = frame
        file.images[id] = image
    }

    private mutating func readCategory(_ reader: inout JSONReader) throws(JSONFailure) {
        var id: Int64?, name: String?
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "id") { id = try reader.readInteger() }
            else if reader.token(key, is: "name") { name = try reader.readString(maxBytes: ImportLimits.labelBytesMax) }
            else { try reader.skipValue() }
        }
        guard let id, let name else { throw reader.failure("a category needs \"id\" and \"name\"") }
        file.categories[id] = name
    }

    func readSize(_ reader: inout JSONReader) throws(JSONFailure) -> Int? {
        if try reader.consumeNull() { return nil }
        let value = try reader.readInteger()
        guard value > 0, value <= Int64(Int32.max) else { throw reader.failure("size \(value) is not positive") }
        return Int(value)
    }

    private func readRate(_ reader: inout JSONReader) throws(JSONFailure) -> Double? {
        guard let value = try reader.readOptionalDouble() else { return nil }
        guard value > 0 else { throw reader.failure("fps \(value) is not positive") }
        return value
    }

    private func readFirstString(_ reader: inout JSONReader) throws(JSONFailure) -> String? {
        var firstName: String?
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            if index == 0 { firstName = try reader.readString(maxBytes: ImportLimits.stringBytesMax) } else { try reader.skipValue() }
            index += 1
        }
        return firstName
    }
}
