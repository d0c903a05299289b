// The imports ledger: provenance of every segment.

/// One entry of the imports ledger.
public struct ImportRecord: Codable, Sendable, Equatable {
    /// Whether the import's segments are still stored.
    public enum State: String, Codable, Sendable {
        /// Its segments are stored.
        case active
        /// Superseded by a later `--replace` import; its segments are gone.
        case replaced
    }

    /// The ledger id (`ImportID.rawValue`), from 1 in import order.
    public var id: UInt32
    /// The file name as the user gave it.
    public var fileName: String
    /// Absolute path at import time.
    public var filePath: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The input format detected or forced: `document`, `array`, `jsonl`, `mot`, `cvat`,
    /// `coco-vid` or `ultralytics`.
    public var format: String
    /// `StoreFormat.importerVersion` of the build that imported it, e.g. `native-1`.
    public var importerVersion: String
    /// When the ledger entry was written inside the import's transaction, in UTC nanoseconds since
    /// 1970 (the importing machine's clock).
    public var importedAtUTCNanoseconds: Int64
    /// Size of the file in bytes.
    public var byteCount: Int
    /// Segments the import stored (kept as it was after the import is replaced).
    public var segmentCount: Int
    /// Boxes the import stored.
    public var boxCount: Int
    /// Vectors the import stored, over all spaces.
    public var embeddingCount: Int
    /// Warning key → count (e.g. `box_outside_frame`, `past_video_end`, `video_unreadable`);
    /// keys that did not occur are absent.
    public var warnings: [String: Int]
    /// Names of the sources the file described, sorted.
    public var sourceNames: [String]
    /// Ledger ids of the earlier imports this one replaced (`--replace`); empty otherwise.
    public var replacedImportIDs: [UInt32]
    /// `.active`, or `.replaced` once a later `--replace` import removed its segments.
    public var state: State
    /// The ledger id of the import that replaced this one; `nil` while active.
    public var replacedByImportID: UInt32?
    /// Edges the linker added while importing, by kind name.
    public var edgesAdded: [String: Int]?
}
