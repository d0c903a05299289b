// The imports ledger: provenance of every segment.

/// One entry of the imports ledger.
public struct ImportRecord: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case active
        /// Superseded by a later `--replace` import; its segments are gone.
        case replaced
    }

    public var id: UInt32
    /// The file name as the user gave it.
    public var fileName: String
    /// Absolute path at import time.
    public var filePath: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    public var format: String
    public var importerVersion: String
    public var importedAtUTCNanoseconds: Int64
    public var byteCount: Int
    public var segmentCount: Int
    public var boxCount: Int
    public var embeddingCount: Int
    public var warnings: [String: Int]
    public var sourceNames: [String]
    public var replacedImportIDs: [UInt32]
    public var state: State
    public var replacedByImportID: UInt32?
    /// Edges the linker added while importing, by kind name.
    public var edgesAdded: [String: Int]?
}
