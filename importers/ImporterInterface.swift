// The contract between an importer and whatever stores its output.
// Importers know the model, never the storage: they read a file and push
// sources and segments into a consumer, in input order.
public import SegGraphModel

/// Input formats SegGraph reads. Auto-detected from content unless forced.
public enum InputFormat: String, Sendable, CaseIterable {
    /// `{"source": {...}, "segments": [...]}`
    case document
    /// `[ {segment}, ... ]`
    case array
    /// One segment object per line, each with a `source` field.
    case jsonLines = "jsonl"
}

/// Receives what an importer reads. Errors thrown here abort the import unchanged.
public protocol SegmentConsumer {
    /// Called once per source, before any of its segments.
    mutating func consume(source: SourceInput) throws
    mutating func consume(segment: SegmentInput) throws
}

/// Options that come from the command line rather than the file.
public struct ImportOptions: Sendable {
    /// Forces a format; `nil` auto-detects.
    public var format: InputFormat?
    /// Source name for bare arrays (and JSON Lines records without `source`):
    /// `--source NAME`, else the file's stem.
    public var defaultSourceName: String
    /// `--source NAME` given explicitly: it overrides the names in the file.
    public var sourceNameOverride: String?

    public init(format: InputFormat? = nil, defaultSourceName: String, sourceNameOverride: String? = nil) {
        self.format = format
        self.defaultSourceName = defaultSourceName
        self.sourceNameOverride = sourceNameOverride
    }
}

/// What an import read: counts for the ledger and the user.
public struct ImportReport: Sendable, Equatable {
    public var format: InputFormat
    public var byteCount: Int
    public var segmentCount: Int
    public var boxCount: Int
    public var embeddingCount: Int
    public var warnings: [ImportWarningKind: Int]

    public init(format: InputFormat, byteCount: Int = 0, segmentCount: Int = 0, boxCount: Int = 0,
                embeddingCount: Int = 0, warnings: [ImportWarningKind: Int] = [:]) {
        self.format = format
        self.byteCount = byteCount
        self.segmentCount = segmentCount
        self.boxCount = boxCount
        self.embeddingCount = embeddingCount
        self.warnings = warnings
    }
}
