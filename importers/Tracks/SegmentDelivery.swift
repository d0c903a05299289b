// The tail every foreign importer shares: cross-segment checks (duplicate ids, warnings),
// report counts, and handing segments to the consumer with errors named after the file.
import SegGraphModel

/// Delivers converted segments and accumulates the report.
struct SegmentDelivery {
    let displayName: String
    private(set) var report: ImportReport
    private var checks: FileChecks
    private var ordinal = 0

    init(displayName: String, format: InputFormat, byteCount: Int) {
        self.displayName = displayName
        report = ImportReport(format: format, byteCount: byteCount)
        checks = FileChecks(format: format)
    }

    mutating func deliver(source: SourceInput, into consumer: inout some SegmentConsumer) throws {
        try consumer.consume(source: source)
    }

    /// Checks `segment` against earlier ones of `source`, counts it, then hands it on.
    mutating func deliver(_ segment: SegmentInput, source: SourceInput,
                          into consumer: inout some SegmentConsumer) throws {
        do {
            try checks.check(segment, source: source, ordinal: ordinal, report: &report)
        } catch {
            throw ImportError(file: displayName, location: error.location, reason: error.reason)
        }
        ordinal += 1
        try consumer.consume(segment: segment)
    }

    mutating func warn(_ kind: ImportWarningKind, count: Int = 1) {
        guard count > 0 else { return }
        report.warnings[kind, default: 0] += count
    }
}

/// A whole-file or located error, for importers that build `ImportError`s directly.
extension ImportError {
    init(_ file: String, line: Int?, field: String, _ reason: String) {
        self.init(file: file, location: InputLocation(line: line, jsonPath: field), reason: reason)
    }
}
