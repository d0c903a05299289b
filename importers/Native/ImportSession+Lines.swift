// JSON Lines: one segment object per line, blank lines allowed. Each record is parsed with the
// reader's limit set to the end of its line, so a broken record cannot swallow the next one,
// and paths restart at `$` for every line.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegGraphModel

extension ImportSession {
    mutating func importLines(_ reader: inout JSONReader, into consumer: inout some SegmentConsumer) throws {
        var sources: [String: SourceInput] = [:]
        var parser = segments
        defer { segments = parser }
        while true {
            reader.end = reader.fileEnd
            reader.skipWhitespace()
            if reader.atEnd { return }
            let lineNumber = reader.line
            reader.end = lineEnd(reader)
            reader.path.truncate(to: 0)
            let location = InputLocation(line: lineNumber, jsonPath: "$")
            var (segment, field) = try located(&reader) { reader throws(JSONFailure) in
                let parsed = try parser.parse(&reader, location: location, source: nil)
                try expectEnd(&reader)
                return parsed
            }
            segment.location.bytesRead = reader.position
            let name = options.sourceNameOverride ?? field?.name ?? options.defaultSourceName
            let source: SourceInput
            if let known = sources[name] {
                source = known
            } else {
                var fresh = field?.object ?? SourceInput(name: name)
                fresh.name = name
                sources[name] = fresh
                try consumer.consume(source: fresh)
                source = fresh
            }
            segment.sourceName = name
            try deliver(segment, source: source, ordinal: lineNumber, into: &consumer)
            releaser.advance(to: reader.position)
        }
    }

    /// Offset of the `\n` ending the reader's current line, or the file end.
    private func lineEnd(_ reader: JSONReader) -> Int {
        let from = reader.base + reader.position
        let remaining = reader.fileEnd - reader.position
        guard let found = memchr(from, 0x0A, remaining) else { return reader.fileEnd }
        return reader.position + (UnsafeRawPointer(found) - UnsafeRawPointer(from))
    }
}
