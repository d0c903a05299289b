// `show`: one segment with its boxes, embeddings and provenance.

/// One segment in detail.
public struct ShowQuery: Query {
    /// `SOURCE/SEGMENT_ID` or `#ID`.
    public var segment: String
    /// Boxes included in the answer (the first N; 0 for none).
    public var boxesShown: Int

    /// Details of `segment` with its first `boxesShown` boxes.
    public init(segment: String, boxesShown: Int = 10) {
        self.segment = segment
        self.boxesShown = boxesShown
    }

    /// The segment, its first `boxesShown` boxes, the spaces it has vectors in, and its import.
    /// - Throws: `.invalidArgument` (`boxes`) unless `boxesShown` is in 0…`Limits.boxesPerSegmentMax`;
    ///   `.notFound` for an unknown segment.
    /// - Complexity: O(boxes of the segment + embedding spaces).
    public func run(in snapshot: borrowing Snapshot) throws -> SegmentDetail {
        guard (0...Limits.boxesPerSegmentMax).contains(boxesShown) else {
            throw StoreError(.invalidArgument, "boxes must be in 0…\(Limits.boxesPerSegmentMax)", parameter: "boxes")
        }
        let hit = try snapshot.requireHit(try snapshot.segmentID(named: segment))
        // The record counts its boxes: they are decoded only when some are shown (a segment
        // can have thousands), and vectors are probed, not copied.
        let boxes = boxesShown > 0 ? try snapshot.boxes(of: hit.segment.id) : []
        var embeddings: [(space: String, dimension: Int)] = []
        for space in try snapshot.embeddingSpaces().sorted(by: { $0.name < $1.name })
        where try snapshot.hasVector(of: hit.segment.id, spaceID: space.id) {
            embeddings.append((space.name, space.dimension))
        }
        let record = try snapshot.importRecord(hit.segment.importID)
        return SegmentDetail(hit: hit, boxes: Array(boxes.prefix(boxesShown)), boxCount: hit.segment.boxCount,
                             embeddings: embeddings, importRecord: record)
    }
}

/// Everything `show` tells about one segment.
public struct SegmentDetail: Sendable, Answerable {
    /// The segment and its source.
    public var hit: SegmentHit
    /// The first boxes (as many as asked for).
    public var boxes: [Box]
    /// All boxes stored for the segment.
    public var boxCount: Int
    /// Space name and dimension of every embedding the segment has, by space name.
    public var embeddings: [(space: String, dimension: Int)]
    /// The ledger entry of the import that stored it; `nil` only when the ledger lacks it.
    public var importRecord: ImportRecord?

    /// JSON (`schema/answers/show.schema.json`): one object with every segment field plus `masks`
    /// (a count), `embeddings` `[{space, dimension}]`, `import_id`, `import_file`,
    /// `import_sha256` and `boxes_shown` `[{frame, offset_s, x, y, w, h}]`.
    public var answer: Answer {
        var fields = hit.answerFields
        fields += [
            AnswerField("masks", .int(hit.segment.maskPointers.count)),
            AnswerField("embeddings", .array(embeddings.map {
                .object([AnswerField("space", .string($0.space)), AnswerField("dimension", .int($0.dimension))])
            })),
            AnswerField("import_id", .optional(importRecord.map { Int($0.id) })),
            AnswerField("import_file", .optional(importRecord?.fileName)),
            AnswerField("import_sha256", .optional(importRecord?.sha256)),
            AnswerField("boxes_shown", .array(boxes.map(Self.boxValue))),
        ]
        let hidden = boxCount - boxes.count
        return Answer(object: .object(fields),
                      detailColumns: ["boxes_shown": ["frame", "offset_s", "x", "y", "w", "h"].map { AnswerColumn($0) }],
                      notes: hidden > 0 && !boxes.isEmpty ? ["… \(hidden) more boxes not shown"] : [])
    }

    static func boxValue(_ box: Box) -> AnswerValue {
        .object([
            AnswerField("frame", .optional(box.frameIndex.map { Int($0) })),
            AnswerField("offset_s", box.offsetSeconds.map { .rounded(Double($0), 4) } ?? .null),
            AnswerField("x", .rounded(Double(box.x), 3)), AnswerField("y", .rounded(Double(box.y), 3)),
            AnswerField("w", .rounded(Double(box.width), 3)), AnswerField("h", .rounded(Double(box.height), 3)),
        ])
    }
}
