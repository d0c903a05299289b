// The camera layout people's movements reveal, learned from the confident `same_as` links
// (similarity ≥ sameAsSimilarityMin, different cameras, the second sighting after the first),
// each sighting counting only its nearest such successor (its next camera, not one three
// cameras on): per ordered camera pair, how many walks and the 5 / 50 / 95 % transit times. Recomputed at the
// end of every import and relink, inside its transaction, and kept in meta, so it is a function
// of the stored edges (deterministic, order-independent like them) and costs queries nothing.
internal import Foundation
internal import LMDB

/// One ordered camera pair people walk between.
public struct TopologyPair: Codable, Sendable, Equatable {
    public var from: String
    public var to: String
    /// Confident links from `from` to `to`.
    public var links: Int
    /// Transit seconds (leaving `from` to entering `to`), nearest-rank quantiles.
    public var p05: Double
    public var p50: Double
    public var p95: Double

    /// The walks from `from` to `to` that fit what people took, in seconds: half the 5 % to
    /// 1.25 × the 95 % transit time (+ 5 s).
    public var plausibleTransitSeconds: ClosedRange<Double> { p05 * 0.5 ... p95 * 1.25 + 5 }

    /// Whether a walk of `gapSeconds` fits `plausibleTransitSeconds`.
    public func admits(gapSeconds: Double) -> Bool { plausibleTransitSeconds.contains(gapSeconds) }
}

/// Every learned camera pair, by (from, to).
public struct LearnedTopology: Codable, Sendable, Equatable {
    public var pairs: [TopologyPair]

    /// Pairs with at least this many links are trusted (fewer may be noise).
    public static let linksMin = 2

    /// The pair `from` → `to`, if trusted.
    public func pair(from: String, to: String) -> TopologyPair? {
        pairs.first { $0.from == from && $0.to == to && $0.links >= Self.linksMin }
    }

    /// Trusted pairs leaving `camera`.
    public func exits(from camera: String) -> [TopologyPair] {
        pairs.filter { $0.from == camera && $0.links >= Self.linksMin }
    }

    /// Trusted pairs arriving at `camera`.
    public func entries(to camera: String) -> [TopologyPair] {
        pairs.filter { $0.to == camera && $0.links >= Self.linksMin }
    }
}

extension Store {
    /// Learns the topology from the stored `same_as` edges and keeps it in meta.
    /// - Complexity: O(E) over the edge properties, plus two record reads per same_as edge.
    func relearnTopology(configuration: StoreConfiguration, in txn: UnsafeWriteTransactionReference) throws {
        let sources = try sourcesByID(in: txn, cached: false)
        // Per sighting, only its nearest confident successor on another camera counts: a link
        // to the same person three cameras later is not a walk between those two cameras.
        var nearest: [SegmentID: (gap: Double, pair: CameraPair)] = [:]
        var sourceOf: [SegmentID: UInt32] = [:]
        // Only the source id of a segment record (bytes 1…4, after the version byte): decoding
        // whole records would make this pass a noticeable share of an import.
        func source(_ id: SegmentID) throws -> UInt32? {
            if let known = sourceOf[id] { return known }
            let found = try tables.segments.withValue(id.rawValue, in: txn) { raw in
                raw.count >= 5 ? UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 1, as: UInt32.self)) : nil
            } ?? nil
            sourceOf[id] = found
            return found
        }
        try tables.edgeProperties.scanRaw(in: txn) { key, value in
            guard key.count == 17, key[8] == EdgeKind.sameAs.rawValue else { return true }
            let from = SegmentID(rawValue: key[0..<8].reduce(0) { $0 << 8 | UInt64($1) })
            let to = SegmentID(rawValue: key[9..<17].reduce(0) { $0 << 8 | UInt64($1) })
            let properties = try EdgePropertiesRecord(decoding: value).properties
            guard let similarity = properties.first(where: { $0.0 == .similarity })?.1, similarity >= configuration.sameAsSimilarityMin,
                  let gap = properties.first(where: { $0.0 == .gapSeconds })?.1, gap >= 0,
                  let a = try source(from), let b = try source(to), a != b,
                  let fromName = sources[a]?.name, let toName = sources[b]?.name else { return true }
            if let known = nearest[from], (known.gap, known.pair.to) <= (gap, toName) { return true }
            nearest[from] = (gap, CameraPair(from: fromName, to: toName))
            return true
        }
        var gaps: [CameraPair: [Double]] = [:]
        for (_, hop) in nearest { gaps[hop.pair, default: []].append(hop.gap) }
        let pairs = gaps.map { pair, values -> TopologyPair in
            let sorted = values.sorted()
            func quantile(_ q: Double) -> Double {
                sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
            }
            return TopologyPair(from: pair.from, to: pair.to, links: sorted.count, p05: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95))
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try tables.meta.put(MetaKey.topology, Array(try encoder.encode(LearnedTopology(pairs: pairs))), in: txn)
    }
}

extension Snapshot {
    /// The learned topology (empty for a store whose edges predate it: run `relink`).
    /// Decoded once per generation.
    public func learnedTopology() throws -> LearnedTopology {
        if let known = store.topologyCache.get(generation: generation) { return known }
        let decoded = try tables.meta.get(MetaKey.topology, in: txn).flatMap { try? JSONDecoder().decode(LearnedTopology.self, from: Data($0)) }
            ?? LearnedTopology(pairs: [])
        store.topologyCache.set(decoded, generation: generation)
        return decoded
    }
}
