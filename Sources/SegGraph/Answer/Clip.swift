// Clips: consecutive hits of one source merged into one stretch of video.

/// Consecutive hits of one source merged into one stretch of video.
public struct Clip: Sendable {
    /// The source every merged hit belongs to.
    public var source: Source
    /// Earliest member start to latest member end, in nanoseconds on the source's clock
    /// (UTC since 1970 for wall-clock sources, since t = 0 for relative-only ones).
    public var span: TimeSpan
    /// The merged hits, by (start, id).
    public var segments: [SegmentHit]

    /// Merges hits of one source whose spans overlap or are at most `gapSeconds` apart;
    /// clips by (start, source name).
    public static func merge(_ hits: [SegmentHit], gapSeconds: Double) -> [Clip] {
        var clips: [Clip] = []
        let gap = Int64(gapSeconds * 1e9)
        let bySource = Dictionary(grouping: hits, by: { $0.source.name })
        for name in bySource.keys.sorted() {
            var current: Clip?
            for hit in bySource[name]!.sorted(by: { ($0.segment.span.startNanoseconds, $0.segment.id) < ($1.segment.span.startNanoseconds, $1.segment.id) }) {
                let span = hit.segment.span
                if var clip = current, span.startNanoseconds <= clip.span.endNanoseconds + gap {
                    clip.span = TimeSpan(startNanoseconds: clip.span.startNanoseconds,
                                         endNanoseconds: max(clip.span.endNanoseconds, span.endNanoseconds))!
                    clip.segments.append(hit)
                    current = clip
                } else {
                    if let clip = current { clips.append(clip) }
                    current = Clip(source: hit.source, span: span, segments: [hit])
                }
            }
            if let clip = current { clips.append(clip) }
        }
        return clips.sorted { ($0.span.startNanoseconds, $0.source.name) < ($1.span.startNanoseconds, $1.source.name) }
    }

    static func answer(_ clips: [Clip]) -> Answer {
        let rows = clips.map { clip in
            AnswerValue.object([
                AnswerField("source", .string(clip.source.name)),
                AnswerField("start", .string(TimeDisplay.format(clip.span.startNanoseconds, source: clip.source))),
                AnswerField("end", .string(TimeDisplay.format(clip.span.endNanoseconds, source: clip.source))),
                AnswerField("start_ns", .int(Int(clip.span.startNanoseconds))), AnswerField("end_ns", .int(Int(clip.span.endNanoseconds))),
                AnswerField("seconds", .rounded(Double(clip.span.durationNanoseconds) / 1e9, 3)),
                AnswerField("segments", .int(clip.segments.count)),
                AnswerField("members", .array(clip.segments.map { .string($0.name) })),
            ])
        }
        return Answer(list: rows, columns: ["source", "start", "end", "seconds", "segments"].map { AnswerColumn($0) })
    }
}
