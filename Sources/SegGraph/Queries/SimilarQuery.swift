// `similar`: the segments whose embedding is most similar to a segment's or a vector.
// The seed segment is never its own answer; grouping by source keeps each hit's global
// rank and adds its rank within the group, so a reader sees both.

/// What a similarity search starts from.
public enum SimilaritySeed: Sendable, Equatable {
    /// A stored segment's embedding (`SOURCE/SEGMENT_ID` or `#ID`); the segment itself is excluded.
    case segment(String)
    /// A query vector (e.g. a probe image's embedding).
    case vector([Float])
}

/// The k nearest segments by embedding.
public struct SimilarQuery: Query {
    /// A stored segment (never among the results) or a query vector.
    public var seed: SimilaritySeed
    /// Embedding space name.
    public var space: String
    /// Results wanted, 1…`Limits.similarKMax`.
    public var k: Int
    /// HNSW search breadth (ef); `nil` = the space's default.
    public var expansionSearch: Int?
    /// Which segments may be results; its `limit` is only validated (`k` caps the results).
    public var filter: SegmentFilter
    /// Order results by source (best source first), ranking within each.
    public var groupBySource: Bool

    /// The `k` nearest to `seed` in `space`; the parameters are checked when it runs.
    public init(seed: SimilaritySeed, space: String = "default", k: Int = 10, expansionSearch: Int? = nil,
                filter: SegmentFilter = SegmentFilter(), groupBySource: Bool = false) {
        self.seed = seed
        self.space = space
        self.k = k
        self.expansionSearch = expansionSearch
        self.filter = filter
        self.groupBySource = groupBySource
    }

    /// The `k` most similar segments that pass `filter`, best first (ties by id). A filter
    /// admitting at most `Snapshot.exactScanMax` segments is answered by an exact scan, else by
    /// HNSW (approximate).
    /// - Throws: `.invalidArgument` for `k` outside 1…`Limits.similarKMax`, `ef` outside
    ///   1…`Limits.similarExpansionMax`, a `vector` of the wrong dimension, all zeros or not
    ///   finite, or a bad filter; `.notFound` for an unknown segment or `space`, or a seed
    ///   segment without an embedding in `space`; `.limit` when the filter matches more than
    ///   `Limits.queryResultsMax` segments.
    public func run(in snapshot: borrowing Snapshot) throws -> SimilarList {
        guard (1...Limits.similarKMax).contains(k) else {
            throw StoreError(.invalidArgument, "k must be in 1…\(Limits.similarKMax)", parameter: "k")
        }
        if let expansionSearch, !(1...Limits.similarExpansionMax).contains(expansionSearch) {
            throw StoreError(.invalidArgument, "ef must be in 1…\(Limits.similarExpansionMax)", parameter: "ef")
        }
        var excluded: SegmentID?
        let vector: [Float]
        switch seed {
        case .segment(let name):
            let id = try snapshot.segmentID(named: name)
            guard let stored = try snapshot.embedding(of: id, space: space) else {
                throw StoreError(.notFound, "segment \(name) has no embedding in space \"\(space)\"", parameter: "space")
            }
            excluded = id
            vector = stored
        case .vector(let given):
            vector = given
        }
        var admitted: Set<SegmentID>?
        if filter.narrowsSegments {
            var all = filter
            all.limit = Limits.queryResultsMax
            admitted = Set(try snapshot.segments(matching: all).hits.map(\.segment.id))
        } else {
            try filter.validate()
        }
        let asked = k + (excluded == nil ? 0 : 1)
        let (scored, method) = try snapshot.nearest(to: vector, space: space, k: asked, admitted: admitted, expansionSearch: expansionSearch)
        var hits: [SimilarHit] = []
        for (id, distance) in scored where id != excluded && hits.count < k {
            guard let hit = try snapshot.hit(id) else { continue }
            hits.append(SimilarHit(hit: hit, similarity: Double(1 - distance), rank: hits.count + 1, groupRank: nil))
        }
        if groupBySource { hits = Self.groupedBySource(hits) }
        return SimilarList(hits: hits, method: method, grouped: groupBySource)
    }

    /// Sources ordered by their best similarity; within a source, by similarity.
    static func groupedBySource(_ hits: [SimilarHit]) -> [SimilarHit] {
        let bestRank = Dictionary(grouping: hits, by: { $0.hit.source.name }).mapValues { $0.map(\.rank).min()! }
        var grouped = hits.sorted { (bestRank[$0.hit.source.name]!, $0.rank) < (bestRank[$1.hit.source.name]!, $1.rank) }
        var counts: [String: Int] = [:]
        for index in grouped.indices {
            counts[grouped[index].hit.source.name, default: 0] += 1
            grouped[index].groupRank = counts[grouped[index].hit.source.name]
        }
        return grouped
    }
}

/// A segment found by similarity.
public struct SimilarHit: Sendable {
    /// The segment found.
    public var hit: SegmentHit
    /// Cosine similarity in [-1, 1].
    public var similarity: Double
    /// Rank among all results by similarity (1 = most similar).
    public var rank: Int
    /// Rank within its source when grouped.
    public var groupRank: Int?
}

/// Results best first, or grouped by source.
public struct SimilarList: Sendable, Answerable {
    /// Best first, or grouped by source (best source first) when `grouped`.
    public var hits: [SimilarHit]
    /// `.exact` when the filter admitted at most `Snapshot.exactScanMax` segments, else `.hnsw`.
    public var method: SimilarMethod
    /// Whether rows are grouped by source and carry `groupRank`.
    public var grouped: Bool

    /// JSON (`schema/answers/similar.schema.json`): an array of objects: `rank`, then `group` and
    /// `group_rank` when grouped, `similarity` (4 decimals), every segment field, and `method`
    /// (`hnsw` or `exact`).
    public var answer: Answer {
        let rows = hits.map { result in
            var fields = [AnswerField("rank", .int(result.rank))]
            if grouped {
                fields += [AnswerField("group", .string(result.hit.source.name)), AnswerField("group_rank", .optional(result.groupRank))]
            }
            fields.append(AnswerField("similarity", .rounded(result.similarity, 4)))
            return AnswerValue.object(fields + result.hit.answerFields + [AnswerField("method", .string(method.rawValue))])
        }
        let columns = (grouped ? ["group", "group_rank"] : []) + ["rank", "similarity", "segment", "label", "start", "end", "method"]
        return Answer(list: rows, columns: columns.map { AnswerColumn($0) })
    }
}
