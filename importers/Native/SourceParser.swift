// The `source` object of a document (or of a JSON Lines record) → `SourceInput`.
// Known fields are typed and checked; every other field is kept in `extraJSON`.
import SegGraphModel

enum SourceParser {
    static func parse(_ reader: inout JSONReader) throws(JSONFailure) -> SourceInput {
        var source = SourceInput(name: "")
        var hasID = false
        var extra: [String] = []
        var seen = SeenKeys()
        var extraKeys = SeenNames()
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if reader.token(key, is: "id") {
                try seen.claim(0, reader)
                source.name = try reader.readString(maxBytes: ImportLimits.identifierBytesMax)
                guard !source.name.isEmpty else { throw reader.failure("source id is empty") }
                hasID = true
            } else if reader.token(key, is: "start_time") {
                try seen.claim(1, reader)
                source.startTime = try readStartTime(&reader)
            } else if reader.token(key, is: "fps") {
                try seen.claim(2, reader)
                source.framesPerSecond = try readPositive(&reader, name: "fps")
            } else if reader.token(key, is: "width") {
                try seen.claim(3, reader)
                source.width = try readPixels(&reader, name: "width")
            } else if reader.token(key, is: "height") {
                try seen.claim(4, reader)
                source.height = try readPixels(&reader, name: "height")
            } else if reader.token(key, is: "video") {
                try seen.claim(5, reader)
                source.videoPath = try readOptionalString(&reader, maxBytes: ImportLimits.stringBytesMax)
            } else if reader.token(key, is: "timezone") {
                try seen.claim(6, reader)
                source.timeZoneIdentifier = try readOptionalString(&reader, maxBytes: ImportLimits.labelBytesMax)
            } else if reader.token(key, is: "embedding_model") {
                try seen.claim(7, reader)
                source.embeddingModel = try readOptionalString(&reader, maxBytes: ImportLimits.labelBytesMax)
            } else if reader.token(key, is: "position") {
                try seen.claim(8, reader)
                source.position = try reader.consumeNull() ? nil : try readPoint(&reader)
            } else if reader.token(key, is: "adjacent") {
                try seen.claim(9, reader)
                source.adjacentSourceNames = try readNames(&reader)
            } else if reader.token(key, is: "zones") {
                try seen.claim(10, reader)
                source.zones = try readZones(&reader)
            } else {
                try extraKeys.claim(key, reader)
                let value = try reader.captureValue()
                extra.append(rawText(key.start - 1..<key.start + key.count + 1, reader) + ":" + rawText(value, reader))
            }
        }
        guard hasID else { throw reader.failure("missing required field \"id\"") }
        source.extraJSON = "{" + extra.joined(separator: ",") + "}"
        guard source.extraJSON.utf8.count <= ImportLimits.sourceExtraBytesMax else {
            throw reader.failure("source has more than \(ImportLimits.sourceExtraBytesMax) bytes of extra fields")
        }
        return source
    }

    private static func readStartTime(_ reader: inout JSONReader) throws(JSONFailure) -> WallClockTime? {
        guard let text = try readOptionalString(&reader, maxBytes: ImportLimits.labelBytesMax) else { return nil }
        guard let time = ISO8601.parse(text) else {
            throw reader.failure("invalid start_time \"\(text)\": expected ISO-8601 with an offset, "
                                 + "e.g. 2026-11-20T14:00:00+01:00")
        }
        return time
    }

    private static func readPositive(_ reader: inout JSONReader, name: String) throws(JSONFailure) -> Double? {
        guard let value = try reader.readOptionalDouble() else { return nil }
        guard value > 0 else { throw reader.failure("\(name) (\(value)) must be positive") }
        return value
    }

    private static func readPixels(_ reader: inout JSONReader, name: String) throws(JSONFailure) -> Int? {
        if try reader.consumeNull() { return nil }
        let value = try reader.readInteger()
        guard value > 0, value <= Int64(Int32.max) else { throw reader.failure("\(name) (\(value)) must be positive") }
        return Int(value)
    }

    static func readOptionalString(_ reader: inout JSONReader, maxBytes: Int) throws(JSONFailure) -> String? {
        if try reader.consumeNull() { return nil }
        return try reader.readString(maxBytes: maxBytes)
    }

    private static func readNames(_ reader: inout JSONReader) throws(JSONFailure) -> [String] {
        var names: [String] = []
        if try reader.consumeNull() { return names }
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < ImportLimits.adjacentSourcesMax else {
                throw reader.failure("more than \(ImportLimits.adjacentSourcesMax) adjacent sources")
            }
            names.append(try reader.readString(maxBytes: ImportLimits.identifierBytesMax))
            index += 1
        }
        return names
    }

    /// The bytes of a range already validated by the reader's scan, as text.
    static func rawText(_ range: Range<Int>, _ reader: JSONReader) -> String {
        String(decoding: UnsafeBufferPointer(start: reader.base + range.lowerBound, count: range.count), as: UTF8.self)
    }
}
