// A segment has the same keys in every answer: `segments`, `find`, `neighbors`,
// `contacts`, `path`, `similar`, `show` (schema/answers/segment.schema.json).

extension SegmentHit {
    /// `SOURCE/EXTERNAL_ID`: the name people and every answer use for a segment.
    public var name: String { "\(source.name)/\(segment.externalID)" }

    /// The segment's fields, in the order every answer uses.
    public var answerFields: [AnswerField] {
        let s = segment
        return [
            AnswerField("segment", .string(name)), AnswerField("id", .int(Int(s.id.rawValue))),
            AnswerField("source", .string(source.name)), AnswerField("label", .string(s.label)),
            AnswerField("type", .string(s.type)),
            AnswerField("start", .string(TimeDisplay.format(s.span.startNanoseconds, source: source))),
            AnswerField("end", .string(TimeDisplay.format(s.span.endNanoseconds, source: source))),
            AnswerField("seconds", .rounded(Double(s.span.durationNanoseconds) / 1e9, 3)),
            AnswerField("confidence", s.confidence.map { .rounded($0, 4) } ?? .null),
            AnswerField("track", .optional(s.trackID)), AnswerField("boxes", .int(s.boxCount)),
            AnswerField("start_offset_s", .rounded(s.startOffsetSeconds, 6)),
            AnswerField("start_ns", .int(Int(s.span.startNanoseconds))), AnswerField("end_ns", .int(Int(s.span.endNanoseconds))),
            AnswerField("attributes", .rawJSON(s.attributesJSON)),
        ]
    }

    /// The segment as an answer row.
    public var answerRow: AnswerValue { .object(answerFields) }

    /// The columns a table of segments shows.
    public static let tableColumns: [AnswerColumn] = ["segment", "label", "type", "start", "end", "seconds", "confidence", "track", "boxes"]
        .map { AnswerColumn($0) }
}

extension Edge {
    /// `{"kind", "direction", "properties"}` seen from segment `at`; properties are
    /// numbers rounded to 3 decimals, keyed by their names (`gap_s`, `similarity`, …).
    public func answerValue(seenFrom at: SegmentID) -> AnswerValue {
        .object([
            AnswerField("kind", .string(kind.description)),
            AnswerField("direction", .string(from == at ? "out" : "in")),
            AnswerField("properties", .object(properties.map { AnswerField($0.0.description, .rounded($0.1, 3)) })),
        ])
    }
}
