// Bare arrays `[ {segment}, … ]` and the `segments` array of a document.
import SegGraphModel

extension ImportSession {
    /// `[ {segment}, … ]`: one source named by the options.
    mutating func importArray(_ reader: inout JSONReader, into consumer: inout some SegmentConsumer) throws {
        let source = defaultSource
        try consumer.consume(source: source)
        try importSegmentArray(&reader, pathPrefix: "$", source: source, into: &consumer)
        try located(&reader) { reader throws(JSONFailure) in try expectEnd(&reader) }
    }

    /// Streams the array at the reader: parse, check, deliver, release pages, repeat.
    mutating func importSegmentArray(_ reader: inout JSONReader, pathPrefix: String, source: SourceInput,
                                     into consumer: inout some SegmentConsumer) throws {
        var index = 0
        var parser = segments
        defer { segments = parser }
        while true {
            let segment: SegmentInput? = try located(&reader) { reader throws(JSONFailure) in
                if index == 0 { try reader.enterArray() }
                guard try reader.nextElement(index) else { return nil }
                let location = InputLocation(jsonPath: pathPrefix + "[\(index)]")
                return try parser.parse(&reader, location: location, source: source).segment
            }
            guard var segment else { return }
            segment.location.bytesRead = reader.position
            try deliver(segment, source: source, ordinal: index, into: &consumer)
            releaser.advance(to: reader.position)
            index += 1
        }
    }
}
