// What the user asked for when importing one file.
public import Importers
public import SegGraphModel

/// One file to import and the command-line facts that override or complete it; pass it
/// to `Store.importFile(_:)`.
public struct ImportRequest: Sendable {
    /// Path to read.
    public var path: String
    /// Forced format; `nil` auto-detects.
    public var format: InputFormat?
    /// `--source NAME`: names the source of a bare array, overrides names in the file.
    public var sourceName: String?
    /// `--start`: wall clock of t = 0, overriding the document's `start_time`.
    public var startTime: WallClockTime?
    /// `--tz`: IANA zone for the source's display.
    public var timeZoneIdentifier: String?
    /// `--embedding-model`: recorded with new embedding spaces.
    public var embeddingModel: String?
    /// `--replace`: remove what an earlier import of a file with this name brought.
    public var replace: Bool
    /// `--fps`: frame rate for formats that do not record one (MOT without seqinfo.ini, CVAT, Ultralytics).
    public var framesPerSecond: Double?
    /// `--embedding-space`: the space a plain `embedding` field goes to (default `default`).
    public var defaultSpaceName: String?
    /// `--video FILE`: the probed video of the file's sources. Its facts fill the source's fps,
    /// size and start where neither the command line nor the file gives them.
    public var videoFacts: VideoFacts?
    /// Probes a `video` named in the file (relative to the file's folder); `nil` = never probe.
    public var videoProber: VideoProber?
    /// Called inside the import's write transaction after each stored segment, with the
    /// count so far and the bytes of the file read so far when the format streams (the native
    /// formats): for progress reports. It must not touch the store (the transaction is open)
    /// and should return quickly.
    public var progress: (@Sendable (_ segmentCount: Int, _ bytesRead: Int?) -> Void)?
    /// Insert the new vectors into the HNSW index on a second core while the linker derives
    /// edges on the first (the default). Every table ends up the same either way, byte for
    /// byte (only the ledger's import time differs); `false` keeps the import on one core.
    public var indexesConcurrently = true
    /// Filled by SourceMerge during the import; read back for the video warnings.
    var videoCollector: VideoFactsCollector?

    /// A request to import `path`; every other parameter is optional and means what the
    /// property of the same name says. Set `videoFacts`, `videoProber` and `progress`
    /// afterwards.
    public init(path: String, format: InputFormat? = nil, sourceName: String? = nil,
                startTime: WallClockTime? = nil, timeZoneIdentifier: String? = nil,
                embeddingModel: String? = nil, replace: Bool = false, defaultSpaceName: String? = nil,
                framesPerSecond: Double? = nil) {
        self.framesPerSecond = framesPerSecond
        self.defaultSpaceName = defaultSpaceName
        self.path = path
        self.format = format
        self.sourceName = sourceName
        self.startTime = startTime
        self.timeZoneIdentifier = timeZoneIdentifier
        self.embeddingModel = embeddingModel
        self.replace = replace
    }
}

/// What an import did.
public enum ImportOutcome: Sendable {
    /// The file was stored; the ledger entry says what it brought.
    case imported(ImportRecord)
    /// The file was stored (committed), but the catalog could not follow (locked by another
    /// process for longer than the busy timeout, or no space): it catches up on the next
    /// write-open or `reindex`. `reason` is one line.
    case importedCatalogBehind(ImportRecord, reason: String)
    /// The same bytes were imported before: nothing changed.
    case alreadyImported(ImportRecord)
}
