// `stats`: counts, sizes on disk, format version and configuration, from one snapshot.
internal import Foundation

/// Whole-store counts and sizes.
public struct StatsQuery: Query {
    /// Whole-store statistics; there are no parameters.
    public init() {}

    /// Counts come from the snapshot; file sizes and `lmdbUsedBytes` are read when it runs.
    /// - Complexity: O(n) over segments and adjacency.
    /// - Throws: `.storage` or `.corrupt` when stored records cannot be read.
    public func run(in snapshot: borrowing Snapshot) throws -> StoreStats {
        var boxCount = 0
        var labels: [String: Int] = [:]
        var segmentCount = 0
        try snapshot.scanAllSegments { segment in
            segmentCount += 1
            boxCount += segment.boxCount
            labels[segment.label, default: 0] += 1
        }
        let ledger = try snapshot.importLedger()
        let store = snapshot.store
        return StoreStats(
            path: store.path, uuid: store.uuid, formatVersion: StoreFormat.formatVersion,
            createdAtUTCNanoseconds: store.createdAtUTCNanoseconds,
            sourceCount: try snapshot.sources().count, segmentCount: segmentCount, boxCount: boxCount,
            labelCounts: labels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (label: $0.key, count: $0.value) },
            spaces: try snapshot.embeddingSpaces(), quantizations: try snapshot.vectorQuantizations(),
            edgeCounts: try snapshot.edgeCounts(),
            activeImportCount: ledger.filter { $0.state == .active }.count,
            replacedImportCount: ledger.filter { $0.state == .replaced }.count,
            lmdbFileBytes: fileSize(store.path + "/" + StoreFormat.dataFileName), lmdbUsedBytes: store.mapUsedBytes,
            catalogFileBytes: fileSize(store.catalogPath), configuration: try snapshot.configuration())
    }
}

/// Counts and sizes for `stats`.
public struct StoreStats: Sendable, Answerable {
    /// The store's directory, as opened.
    public var path: String
    /// The store's UUID (lowercase, fixed at creation).
    public var uuid: String
    /// This build's `StoreFormat.formatVersion` (the store opened, so it is one it reads).
    public var formatVersion: UInt32
    /// When the store was created, in UTC nanoseconds since 1970; 0 when not recorded.
    public var createdAtUTCNanoseconds: Int64
    /// Sources stored.
    public var sourceCount: Int
    /// Segments stored.
    public var segmentCount: Int
    /// Boxes over all segments.
    public var boxCount: Int
    /// Most frequent first, then by label.
    public var labelCounts: [(label: String, count: Int)]
    /// Every embedding space, by name.
    public var spaces: [EmbeddingSpace]
    /// How each space's similarity searches walk the graph (`config quantize`), by space name.
    public var quantizations: [String: VectorQuantization]
    /// Edges per kind, each counted once; a kind without edges is absent.
    public var edgeCounts: [EdgeKind: Int]
    /// Ledger entries whose segments are stored.
    public var activeImportCount: Int
    /// Ledger entries replaced by a later `--replace` import.
    public var replacedImportCount: Int
    /// Size of `data.mdb` on disk when the query ran; 0 when it cannot be read.
    public var lmdbFileBytes: Int
    /// Bytes up to LMDB's last used page when the query ran (may be newer than the snapshot).
    public var lmdbUsedBytes: Int
    /// Size of `catalog.sqlite` on disk when the query ran; 0 when missing.
    public var catalogFileBytes: Int
    /// The linker settings in the snapshot.
    public var configuration: StoreConfiguration

    /// JSON (`schema/answers/stats.schema.json`): one object: `store`, `uuid`, `format_version`,
    /// `created` (ISO-8601 in the machine's zone), `sources`, `segments`, `boxes`, `labels`
    /// {label: count}, `embedding_spaces` {name: {dimension, vectors, model, quantization}}, `imports`,
    /// `imports_replaced`, `lmdb_file_bytes`, `lmdb_used_bytes`, `catalog_bytes`, `edges`
    /// {kind: count, every kind}, `config` {setting: value}.
    public var answer: Answer {
        Answer(object: .object([
            AnswerField("store", .string(path)), AnswerField("uuid", .string(uuid)),
            AnswerField("format_version", .int(Int(formatVersion))),
            AnswerField("created", .string(TimeDisplay.format(utcNanoseconds: createdAtUTCNanoseconds, zone: .current))),
            AnswerField("sources", .int(sourceCount)), AnswerField("segments", .int(segmentCount)), AnswerField("boxes", .int(boxCount)),
            AnswerField("labels", .object(labelCounts.map { AnswerField($0.label, .int($0.count)) })),
            AnswerField("embedding_spaces", .object(spaces.map {
                AnswerField($0.name, .object([AnswerField("dimension", .int($0.dimension)), AnswerField("vectors", .int($0.vectorCount)),
                                              AnswerField("model", .optional($0.model)),
                                              AnswerField("quantization", .string((quantizations[$0.name] ?? .none).rawValue))]))
            })),
            AnswerField("imports", .int(activeImportCount)), AnswerField("imports_replaced", .int(replacedImportCount)),
            AnswerField("lmdb_file_bytes", .int(lmdbFileBytes)), AnswerField("lmdb_used_bytes", .int(lmdbUsedBytes)),
            AnswerField("catalog_bytes", .int(catalogFileBytes)),
            AnswerField("edges", .object(EdgeKind.allCases.map { AnswerField($0.description, .int(edgeCounts[$0] ?? 0)) })),
            AnswerField("config", .object(configuration.entries.map { AnswerField($0.key, .rawJSON($0.value)) })),
        ]))
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}
