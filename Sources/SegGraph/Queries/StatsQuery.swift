// `stats`: counts, sizes on disk, format version and configuration, from one snapshot.
internal import Foundation

/// Whole-store counts and sizes.
public struct StatsQuery: Query {
    public init() {}

    /// - Complexity: O(n) over segments and adjacency.
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
            spaces: try snapshot.embeddingSpaces(), edgeCounts: try snapshot.edgeCounts(),
            activeImportCount: ledger.filter { $0.state == .active }.count,
            replacedImportCount: ledger.filter { $0.state == .replaced }.count,
            lmdbFileBytes: fileSize(store.path + "/" + StoreFormat.dataFileName), lmdbUsedBytes: store.mapUsedBytes,
            catalogFileBytes: fileSize(store.catalogPath), configuration: try snapshot.configuration())
    }
}

/// Counts and sizes for `stats`.
public struct StoreStats: Sendable, Answerable {
    public var path: String
    public var uuid: String
    public var formatVersion: UInt32
    public var createdAtUTCNanoseconds: Int64
    public var sourceCount: Int
    public var segmentCount: Int
    public var boxCount: Int
    /// Most frequent first, then by label.
    public var labelCounts: [(label: String, count: Int)]
    public var spaces: [EmbeddingSpace]
    public var edgeCounts: [EdgeKind: Int]
    public var activeImportCount: Int
    public var replacedImportCount: Int
    public var lmdbFileBytes: Int
    public var lmdbUsedBytes: Int
    public var catalogFileBytes: Int
    public var configuration: StoreConfiguration

    public var answer: Answer {
        Answer(object: .object([
            AnswerField("store", .string(path)), AnswerField("uuid", .string(uuid)),
            AnswerField("format_version", .int(Int(formatVersion))),
            AnswerField("created", .string(TimeDisplay.format(utcNanoseconds: createdAtUTCNanoseconds, zone: .current))),
            AnswerField("sources", .int(sourceCount)), AnswerField("segments", .int(segmentCount)), AnswerField("boxes", .int(boxCount)),
            AnswerField("labels", .object(labelCounts.map { AnswerField($0.label, .int($0.count)) })),
            AnswerField("embedding_spaces", .object(spaces.map {
                AnswerField($0.name, .object([AnswerField("dimension", .int($0.dimension)), AnswerField("vectors", .int($0.vectorCount)),
                                              AnswerField("model", .optional($0.model))]))
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
