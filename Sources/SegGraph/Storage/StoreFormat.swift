// The store's on-disk format version and table names. Every layout is specified in
// schema/store-format.md; bump `formatVersion` whenever a byte changes meaning.

/// Version numbers of the on-disk format (`schema/store-format.md`) and of the importer.
public enum StoreFormat {
    /// The format this build writes. 2 added the `verdicts` table.
    public static let formatVersion: UInt32 = 2
    /// Formats this build can open. A format-1 store opened for writing gets the `verdicts`
    /// table and becomes format 2 (nothing else differs); read-only, it is read as it is.
    public static let readableVersions: ClosedRange<UInt32> = 1...2
    /// Recorded in every ledger entry as `ImportRecord.importerVersion`.
    public static let importerVersion = "native-1"
    static let dataFileName = "data.mdb"
    static let catalogFileName = "catalog.sqlite"
}

/// Keys of the `meta` table.
enum MetaKey {
    static let formatVersion = "format_version"
    static let storeUUID = "store_uuid"
    static let createdAt = "created_at_ns"
    static let configuration = "configuration"
    static let nextSegmentID = "next_segment_id"
    static let nextSourceID = "next_source_id"
    static let nextImportID = "next_import_id"
    static let nextNameID = "next_name_id"
    static let nextSpaceID = "next_space_id"
    /// Bumped by every write that changes segments; the catalog records the value it
    /// reflects, so a stale catalog is detected and rebuilt.
    static let generation = "generation"
    /// The learned camera topology (JSON `LearnedTopology`), rewritten by every import and relink.
    static let topology = "topology"
}
