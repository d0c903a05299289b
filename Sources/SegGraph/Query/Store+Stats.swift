// Whole-store summaries: per-source listings and `stats`.
internal import Foundation
internal import LMDB

/// A source with the extent of what is stored for it.
public struct SourceSummary: Sendable {
    public var source: Source
    public var segmentCount: Int
    /// Earliest start and latest end on the source's clock; `nil` when empty.
    public var extent: TimeSpan?
}

/// Counts and sizes for `stats`.
public struct StoreStats: Sendable {
    public var uuid: String
    public var formatVersion: UInt32
    public var createdAtUTCNanoseconds: Int64
    public var sourceCount: Int
    public var segmentCount: Int
    public var boxCount: Int
    public var labelCounts: [(label: String, count: Int)]
    public var spaces: [EmbeddingSpace]
    public var activeImportCount: Int
    public var replacedImportCount: Int
    public var lmdbFileBytes: Int
    public var lmdbUsedBytes: Int
    public var catalogFileBytes: Int
    public var configuration: StoreConfiguration
}

extension Store {
    /// Every source with its segment count and time extent, by name.
    /// - Complexity: O(n) over the per-source interval index.
    public func sourceSummaries() throws -> [SourceSummary] {
        try readTransaction { txn in
            var summaries: [SourceSummary] = []
            for source in try sourcesByID(in: txn).values {
                var count = 0
                var first = Int64.max
                var last = Int64.min
                try IntervalIndex(table: tables.timeIndex).all(.source, source.id, in: txn) { _, _, span in
                    count += 1
                    first = min(first, span.startNanoseconds)
                    last = max(last, span.endNanoseconds)
                    return true
                }
                summaries.append(SourceSummary(source: source, segmentCount: count,
                                               extent: TimeSpan(startNanoseconds: first, endNanoseconds: last)))
            }
            return summaries.sorted { $0.source.name < $1.source.name }
        }
    }

    public func stats() throws -> StoreStats {
        let ledger = try importLedger()
        let configuration = try configuration()
        let info = environment.info()
        return try readTransaction { txn in
            var boxCount = 0
            var labels: [String: Int] = [:]
            try tables.segments.scan(in: txn) { _, segment in
                boxCount += segment.boxCount
                labels[segment.label, default: 0] += 1
                return true
            }
            var spaces: [EmbeddingSpace] = []
            try tables.spaces.scan(in: txn) { _, record in spaces.append(record.value); return true }
            return StoreStats(
                uuid: uuid, formatVersion: StoreFormat.formatVersion, createdAtUTCNanoseconds: createdAtUTCNanoseconds,
                sourceCount: try tables.sources.count(in: txn), segmentCount: try tables.segments.count(in: txn),
                boxCount: boxCount,
                labelCounts: labels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (label: $0.key, count: $0.value) },
                spaces: spaces, activeImportCount: ledger.filter { $0.state == .active }.count,
                replacedImportCount: ledger.filter { $0.state == .replaced }.count,
                lmdbFileBytes: fileSize(path + "/" + StoreFormat.dataFileName), lmdbUsedBytes: info.usedBytes,
                catalogFileBytes: fileSize(catalogPath), configuration: configuration)
        }
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}
