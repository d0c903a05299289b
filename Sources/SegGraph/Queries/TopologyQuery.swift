// `topology`: which camera pairs people walk between and how long it takes, as learned from the
// confident `same_as` links at the last import or relink (see LearnedTopology).

/// Camera-to-camera transit times learned from re-identification links.
public struct TopologyQuery: Query {
    /// Pairs with fewer links than this are left out (noise).
    public var linksMin: Int

    public init(linksMin: Int = 2) {
        self.linksMin = linksMin
    }

    /// - Complexity: O(pairs): the topology is kept in meta, learned when edges change.
    public func run(in snapshot: borrowing Snapshot) throws -> Topology {
        guard linksMin >= 1 else {
            throw StoreError(.invalidArgument, "links-min must be at least 1", parameter: "links-min")
        }
        return Topology(links: try snapshot.learnedTopology().pairs.filter { $0.links >= linksMin }, linksMin: linksMin)
    }
}

struct CameraPair: Hashable {
    var from: String
    var to: String
}

/// Camera pairs by name.
public struct Topology: Sendable, Answerable {
    public var links: [TopologyPair]
    public var linksMin: Int

    public var answer: Answer {
        let rows = links.map { link in
            AnswerValue.object([
                AnswerField("from", .string(link.from)), AnswerField("to", .string(link.to)),
                AnswerField("links", .int(link.links)),
                AnswerField("median_s", .rounded(link.p50, 3)),
                AnswerField("p05_s", .rounded(link.p05, 3)), AnswerField("p95_s", .rounded(link.p95, 3)),
            ])
        }
        return Answer(list: rows, columns: ["from", "to", "links", "median_s", "p05_s", "p95_s"].map { AnswerColumn($0) },
                      notes: links.isEmpty ? ["no camera pair with \(linksMin)+ confident links (a store linked before topology was learned needs `seggraph relink`)"] : [])
    }
}
