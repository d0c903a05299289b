// Every bound in one place (TIGER_STYLE): loops over stored data are bounded by one
// of these, and errors name the limit that was hit.

/// Every bound the engine enforces. Exceeding one throws `StoreError` kind `.limit` (stored
/// data too large) or `.invalidArgument` (a parameter out of range), naming the bound.
public enum Limits {
    /// Rows a single query may return before it must be narrowed or paginated.
    public static let queryResultsMax = 1_000_000
    /// Default `--limit` for listing commands.
    public static let listDefault = 1_000
    /// Length of a `--where` expression.
    public static let whereExpressionBytesMax = 4_096
    /// Time a `--where` expression may run before it is interrupted.
    public static let whereSecondsMax = 10.0
    /// Time a catalog reader or writer waits for another process's lock.
    public static let catalogBusySecondsMax = 15.0
    /// Boxes stored for one segment.
    public static let boxesPerSegmentMax = 1_000_000
    /// Embedding dimension.
    public static let embeddingDimensionMax = 4_096
    /// Embedding spaces per store.
    public static let embeddingSpacesMax = 64
    /// Length of an external id, label, type or track id in bytes (they appear in keys).
    public static let identifierBytesMax = 400
    /// Files in one `seggraph import` call.
    public static let filesPerImportMax = 10_000
    /// Map growth ceiling: 1 TiB of address space.
    public static let mapSizeMaxBytes = 1 << 40
    /// Hops of a traversal (`neighbors`, `contacts`).
    public static let traversalHopsMax = 6
    /// Segments a traversal may reach before it must be narrowed.
    public static let traversalReachMax = 100_000
    /// Segments an identity (a `next`/`same_as` closure) may span.
    public static let identitySegmentsMax = 10_000
    /// Nearest neighbours one `similar` query may ask for.
    public static let similarKMax = 1_000
    /// HNSW search breadth (ef) one `similar` query may ask for.
    public static let similarExpansionMax = 10_000
    /// Interval-index levels: level L holds segments lasting at most 16^L seconds,
    /// so ten levels cover 16^9 s ≈ 2,000 years.
    public static let intervalLevels = 10
}
