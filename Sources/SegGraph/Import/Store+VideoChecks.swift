// After a file's segments are stored: count those that do not fit their source's video
// (ending after it, boxes outside its frame). Warnings, not errors: trackers pad segment
// ends and boxes at the border are common, but many of them mean the wrong video.
internal import LMDB

extension Store {
    /// Warning counts for `segments`, checked against the probed videos of their sources.
    /// - Complexity: O(boxes of the new segments); nothing is read when no video was probed.
    func videoWarnings(_ segments: [SegmentID], collector: VideoFactsCollector,
                       sources: [String: Source], in txn: UnsafeWriteTransactionReference) throws -> [String: Int] {
        var warnings: [String: Int] = [:]
        if collector.unreadable > 0 { warnings[VideoWarning.videoUnreadable] = collector.unreadable }
        guard !collector.factsBySource.isEmpty else { return warnings }
        var factsByID: [UInt32: VideoFacts] = [:]
        for (name, facts) in collector.factsBySource { if let source = sources[name] { factsByID[source.id] = facts } }
        for id in segments {
            guard let segment = try tables.segments.get(id.rawValue, in: txn),
                  let facts = factsByID[segment.sourceID.rawValue] else { continue }
            let frameSeconds = facts.framesPerSecond.map { 1 / $0 } ?? 0
            let endSeconds = segment.startOffsetSeconds + Double(segment.span.durationNanoseconds) / 1e9
            if let duration = facts.durationSeconds, endSeconds > duration + frameSeconds + 1e-6 {
                warnings[VideoWarning.pastVideoEnd, default: 0] += 1
            }
            guard let width = facts.width.map(Float.init), let height = facts.height.map(Float.init) else { continue }
            for box in try tables.boxes.get(id.rawValue, in: txn)?.boxes ?? []
            where box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height {
                warnings[VideoWarning.boxOutsideFrame, default: 0] += 1
            }
        }
        return warnings
    }
}
