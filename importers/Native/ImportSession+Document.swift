// Documents `{"source": {...}, "segments": [...]}`. The source must reach the consumer before
// any segment; when `segments` comes first in the file, a forked reader skims ahead to find
// `source` (the map allows random access), then the main reader streams the segments.
import SegGraphModel

extension ImportSession {
    mutating func importDocument(_ reader: inout JSONReader, into consumer: inout some SegmentConsumer) throws {
        var source: SourceInput?
        var sawSegments = false
        var sawSource = false
        var first = true
        try located(&reader) { reader throws(JSONFailure) in try reader.enterObject() }
        while true {
            let key = try located(&reader) { reader throws(JSONFailure) in try reader.nextKey(&first) }
            guard let key else { break }
            if reader.token(key, is: "source") {
                if sawSource {
                    throw ImportError(file: displayName, location: InputLocation(jsonPath: "$.source"),
                                      reason: "duplicate key: the document already has a source")
                }
                sawSource = true
                if source != nil {
                    // Found ahead of `segments` already (findSourceAhead).
                    try located(&reader) { reader throws(JSONFailure) in try reader.skipValue() }
                    continue
                }
                let parsed = try located(&reader) { reader throws(JSONFailure) in try parseSource(&reader) }
                source = parsed
                try consumer.consume(source: parsed)
            } else if reader.token(key, is: "segments") {
                guard !sawSegments else {
                    throw ImportError(file: displayName, location: InputLocation(jsonPath: "$.segments"),
                                      reason: "duplicate key: the document already has segments")
                }
                if source == nil {
                    let found = try findSourceAhead(reader) ?? defaultSource
                    source = found
                    try consumer.consume(source: found)
                }
                try importSegmentArray(&reader, pathPrefix: "$.segments", source: source!, into: &consumer)
                sawSegments = true
            } else {
                try located(&reader) { reader throws(JSONFailure) in try reader.skipValue() }
            }
        }
        guard sawSegments else {
            throw ImportError(file: displayName, location: InputLocation(jsonPath: "$"),
                              reason: "missing required field \"segments\"")
        }
        try located(&reader) { reader throws(JSONFailure) in try expectEnd(&reader) }
    }

    /// Parses `source`, applying the command line's name override.
    func parseSource(_ reader: inout JSONReader) throws(JSONFailure) -> SourceInput {
        var source = try SourceParser.parse(&reader)
        if let override = options.sourceNameOverride { source.name = override }
        return source
    }

    /// With the reader at the `segments` value: skims past it and the following members for a
    /// `source`. Pages skimmed are released as in the main pass.
    /// - Returns: the parsed source, or `nil` when the document has none.
    private func findSourceAhead(_ start: JSONReader) throws -> SourceInput? {
        var ahead = start
        var releaser = PageReleaser(bytes: UnsafeRawBufferPointer(start: ahead.base, count: ahead.fileEnd))
        return try located(&ahead) { ahead throws(JSONFailure) in
            try ahead.enterArray()
            var index = 0
            while try ahead.nextElement(index) {
                try ahead.skipValue()
                releaser.advance(to: ahead.position)
                index += 1
            }
            var first = false
            while let key = try ahead.nextKey(&first) {
                if ahead.token(key, is: "source") { return try parseSource(&ahead) }
                try ahead.skipValue()
            }
            return nil
        }
    }
}
