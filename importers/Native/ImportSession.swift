// The state of one import: options, checks across segments, the report, page release.
// Parsing is split by shape into ImportSession+Document/+Array/+Lines.
import SegGraphModel

/// One run of `NativeImporter` over one mapped file.
struct ImportSession {
    let displayName: String
    let options: ImportOptions
    let format: InputFormat
    var report: ImportReport
    var segments: SegmentParser
    var checks: FileChecks
    var releaser: PageReleaser

    init(importer: NativeImporter, format: InputFormat, bytes: UnsafeRawBufferPointer) {
        displayName = importer.displayName
        options = importer.options
        self.format = format
        report = ImportReport(format: format, byteCount: bytes.count)
        segments = SegmentParser(acceptsSourceField: format == .jsonLines)
        checks = FileChecks(format: format)
        releaser = PageReleaser(bytes: bytes)
    }

    /// The source every segment of a document/array belongs to when the file names none.
    var defaultSource: SourceInput {
        SourceInput(name: options.sourceNameOverride ?? options.defaultSourceName)
    }

    /// Converts a reader failure into the user-facing error. Syntax errors carry the line (and
    /// the column in the reason); semantic errors carry the path, plus the line in JSON Lines.
    func importError(_ failure: JSONFailure, _ reader: JSONReader) -> ImportError {
        let path = reader.renderPath(suffix: failure.suffix)
        var reason = failure.reason
        if let column = failure.column { reason += " (column \(column))" }
        let showsLine = failure.column != nil || format == .jsonLines
        return ImportError(file: displayName,
                           location: InputLocation(line: showsLine ? failure.line : nil, jsonPath: path),
                           reason: reason)
    }

    /// Runs `body`, turning reader failures into `ImportError`s located with `reader`.
    func located<R>(_ reader: inout JSONReader,
                    _ body: (inout JSONReader) throws(JSONFailure) -> R) throws(ImportError) -> R {
        do {
            return try body(&reader)
        } catch {
            throw importError(error, reader)
        }
    }

    /// Hands a parsed segment to the consumer after the cross-segment checks.
    mutating func deliver(_ segment: SegmentInput, source: SourceInput, ordinal: Int,
                          into consumer: inout some SegmentConsumer) throws {
        do {
            try checks.check(segment, source: source, ordinal: ordinal, report: &report)
        } catch {
            throw ImportError(file: displayName, location: error.location, reason: error.reason)
        }
        try consumer.consume(segment: segment)
    }

    /// Rejects anything but whitespace after the top-level value.
    func expectEnd(_ reader: inout JSONReader) throws(JSONFailure) {
        reader.skipWhitespace()
        guard reader.atEnd else { throw reader.syntaxError("unexpected data after the top-level value") }
    }
}
