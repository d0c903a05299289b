// `topology`: which camera pairs people walk between and how long it takes, learned from the
// confident `same_as` links (similarity at or above `sameAsSimilarityMin`, sightings that do not
// overlap, different cameras). Derived at query time from the stored edges, so it is as
// deterministic as they are and always matches them.

/// Camera-to-camera transit times learned from re-identification links.
public struct TopologyQuery: Query {
    /// Pairs with fewer links than this are left out (noise).
    public var linksMin: Int

    public init(linksMin: Int = 2) {
        self.linksMin = linksMin
    }

    /// - Complexity: O(E) over the adjacency table.
    public func run(in snapshot: borrowing Snapshot) throws -> Topology {
        guard linksMin >= 1 else {
            throw StoreError(.invalidArgument, "links-min must be at least 1", parameter: "links-min")
        }
        let threshold = try snapshot.configuration().sameAsSimilarityMin
        let sources = try snapshot.sourcesByID()
        var gaps: [CameraPair: [Double]] = [:]
        try snapshot.scanAllSegments { segment in
            for end in try snapshot.edgeEnds(of: segment.id, kinds: [.sameAs]) where end.direction == .outgoing {
                let edge = try snapshot.edge(at: end, of: segment.id)
                guard (edge.property(.similarity) ?? 0) >= threshold, let gap = edge.property(.gapSeconds), gap >= 0,
                      let other = try snapshot.segment(end.other), other.sourceID != segment.sourceID,
                      let from = sources[segment.sourceID.rawValue]?.name, let to = sources[other.sourceID.rawValue]?.name else { continue }
                gaps[CameraPair(from: from, to: to), default: []].append(gap)
            }
        }
        let links = gaps.filter { $0.value.count >= linksMin }.map { pair, values in
            TopologyLink(from: pair.from, to: pair.to, transitSeconds: values.sorted())
        }
        return Topology(links: links.sorted { ($0.from, $0.to) < ($1.from, $1.to) }, linksMin: linksMin)
    }
}

struct CameraPair: Hashable {
    var from: String
    var to: String
}

/// People walked from `from` to `to` this often, taking these times (sorted, seconds).
public struct TopologyLink: Sendable {
    public var from: String
    public var to: String
    public var transitSeconds: [Double]

    /// The `q` quantile (0…1) of the transit times, nearest rank.
    public func quantile(_ q: Double) -> Double {
        let index = min(transitSeconds.count - 1, max(0, Int((q * Double(transitSeconds.count)).rounded(.up)) - 1))
        return transitSeconds[index]
    }
}

/// Camera pairs by name.
public struct Topology: Sendable, Answerable {
    public var links: [TopologyLink]
    public var linksMin: Int

    public var answer: Answer {
        let rows = links.map { link in
            AnswerValue.object([
                AnswerField("from", .string(link.from)), AnswerField("to", .string(link.to)),
                AnswerField("links", .int(link.transitSeconds.count)),
                AnswerField("median_s", .rounded(link.quantile(0.5), 3)),
                AnswerField("p05_s", .rounded(link.quantile(0.05), 3)), AnswerField("p95_s", .rounded(link.quantile(0.95), 3)),
            ])
        }
        return Answer(list: rows, columns: ["from", "to", "links", "median_s", "p05_s", "p95_s"].map { AnswerColumn($0) })
    }
}
