// Every named database, opened once at start-up as typed handles (STYLE guideline 3).
internal import LMDB

struct StoreTables: Sendable {
    /// Meta key → value bytes (format version, UUID, counters, configuration).
    let meta: Table<String, [UInt8]>
    /// SourceID → Source (JSON record).
    let sources: Table<UInt32, JSONRecord<Source>>
    /// Source name → SourceID.
    let sourceNames: Table<String, UInt32>
    /// SegmentID → Segment record.
    let segments: Table<UInt64, Segment>
    /// u32 source | external id bytes → SegmentID.
    let segmentKeys: Table<[UInt8], UInt64>
    /// SegmentID → packed boxes.
    let boxes: Table<UInt64, BoxList>
    /// u8 kind | u32 scope | name bytes → NameID (labels and tracks, for fixed-width index keys).
    let names: Table<[UInt8], UInt32>
    /// Interval index entries → end time (see IntervalIndex).
    let timeIndex: Table<[UInt8], [UInt8]>
    /// ImportID → ImportRecord (JSON).
    let imports: Table<UInt32, JSONRecord<ImportRecord>>
    /// 32-byte SHA-256 → ImportID of the active import of those bytes.
    let importDigests: Table<[UInt8], UInt32>
    /// u32 import | u64 segment → empty: what each import brought.
    let importSegments: Table<[UInt8], Empty>
    /// Space name → EmbeddingSpace (JSON).
    let spaces: Table<String, JSONRecord<EmbeddingSpace>>
    /// u32 space | u64 segment → little-endian Float32 vector.
    let vectors: Table<[UInt8], [UInt8]>
    /// SegmentID → 10-byte edge ends (u8 kind | u8 direction | u64 other), both directions.
    let adjacency: Table<UInt64, AdjacencyEntry>
    /// u64 from | u8 kind | u64 to → edge properties.
    let edgeProperties: Table<[UInt8], EdgePropertiesRecord>
    /// u32 space → HNSW graph header (JSON record).
    let hnswMeta: Table<UInt32, JSONRecord<HNSWHeader>>
    /// u32 space | u32 node → u8 level | u8 deleted | u16 0 | u64 segment, then (only in an
    /// index without `vectorsPerBlock`, written before blocks) the f32 vector (LE).
    let hnswNodes: Table<[UInt8], [UInt8]>
    /// u32 space | u32 block → `vectorsPerBlock` f32 vectors (LE), node n in block
    /// n / vectorsPerBlock at slot n % vectorsPerBlock; unused slots are zero. A value this big
    /// lies on its own overflow pages, 16 bytes past a page boundary, so the floats are aligned
    /// and searches read them in place. `nil` when an older store without it is opened read-only.
    let hnswVectorBlocks: Table<[UInt8], [UInt8]>?
    /// u32 space | u32 block → `listsPerBlock` level-0 neighbour list slots (u32 count, then
    /// 2M u32 ids, LE), node n at slot n % listsPerBlock of block n / listsPerBlock. `nil` as above.
    let hnswLinkBlocks: Table<[UInt8], [UInt8]>?
    /// u32 space | u32 block → `codesPerBlock` int8 codes (f32 scale, then one i8 per
    /// dimension, padded to 64 bytes), laid out like the vector blocks; only for a space whose
    /// index is quantized. `nil` as above.
    let hnswCodeBlocks: Table<[UInt8], [UInt8]>?
    /// u32 space | u32 node | u8 level → u32 neighbour ids (LE).
    let hnswLinks: Table<[UInt8], [UInt8]>
    /// u32 space | u64 segment → u32 node.
    let hnswSegments: Table<[UInt8], UInt32>
    /// Segment name | 0 | segment name (sorted) → LinkVerdict (JSON). Format 2; `nil` when a
    /// format-1 store is opened read-only (it has none).
    let verdicts: Table<[UInt8], JSONRecord<LinkVerdict>>?

    init(environment: Environment) throws {
        meta = try Table(environment: environment, name: "meta")
        sources = try Table(environment: environment, name: "sources")
        sourceNames = try Table(environment: environment, name: "source_names")
        segments = try Table(environment: environment, name: "segments")
        segmentKeys = try Table(environment: environment, name: "segment_keys")
        boxes = try Table(environment: environment, name: "boxes")
        names = try Table(environment: environment, name: "names")
        timeIndex = try Table(environment: environment, name: "time_index")
        imports = try Table(environment: environment, name: "imports")
        importDigests = try Table(environment: environment, name: "import_digests")
        importSegments = try Table(environment: environment, name: "import_segments")
        spaces = try Table(environment: environment, name: "spaces")
        vectors = try Table(environment: environment, name: "vectors")
        adjacency = try Table(environment: environment, name: "adjacency", flags: [.duplicateSort, .duplicateFixed])
        edgeProperties = try Table(environment: environment, name: "edge_properties")
        hnswMeta = try Table(environment: environment, name: "hnsw_meta")
        hnswNodes = try Table(environment: environment, name: "hnsw_nodes")
        hnswLinks = try Table(environment: environment, name: "hnsw_links")
        hnswSegments = try Table(environment: environment, name: "hnsw_segments")
        do {
            hnswVectorBlocks = try Table(environment: environment, name: "hnsw_vector_blocks")
        } catch let error as LMDBError where error.code == LMDBError.notFound && environment.isReadOnly {
            hnswVectorBlocks = nil
        }
        do {
            hnswLinkBlocks = try Table(environment: environment, name: "hnsw_link_blocks")
        } catch let error as LMDBError where error.code == LMDBError.notFound && environment.isReadOnly {
            hnswLinkBlocks = nil
        }
        do {
            hnswCodeBlocks = try Table(environment: environment, name: "hnsw_code_blocks")
        } catch let error as LMDBError where error.code == LMDBError.notFound && environment.isReadOnly {
            hnswCodeBlocks = nil
        }
        do {
            verdicts = try Table(environment: environment, name: "verdicts")
        } catch let error as LMDBError where error.code == LMDBError.notFound && environment.isReadOnly {
            verdicts = nil
        }
    }
}
