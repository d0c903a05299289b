// Putting a user's window on the clock inside a snapshot: `now`, the store's latest segment
// (for `latest-10m`), and the sources whose shared zone a clock time without a source takes.

extension Snapshot {
    /// `spec` on `source`'s clock, or, without a source, on the clock `among` share (every
    /// source when `among` is nil); `nil` when unbounded.
    /// - Throws: as `TimeWindowSpec.resolve(source:clock:)`.
    public func resolve(_ spec: TimeWindowSpec, source: Source?, among: [Source]? = nil) throws -> TimeSpan? {
        guard spec.isBounded else { return nil }
        let clock = WindowClock(latest: spec.mentionsLatest ? try latestSegmentEnd() : nil,
                                sources: source == nil ? try among ?? sources() : [])
        return try spec.resolve(source: source, clock: clock)
    }

    /// The end of the latest segment in the store (`nil` when empty), once per generation.
    /// - Complexity: O(n) over the interval index the first time in a generation.
    func latestSegmentEnd() throws -> Int64? {
        if let cached = store.latestEndCache.get(generation: generation) { return cached }
        var latest: Int64?
        let everything = TimeSpan(startNanoseconds: Int64.min / 4, endNanoseconds: Int64.max / 4)!
        try scanSegments(overlapping: everything, in: .all) { _, span in
            latest = max(latest ?? span.endNanoseconds, span.endNanoseconds)
            return true
        }
        store.latestEndCache.set(latest, generation: generation)
        return latest
    }
}

extension Snapshot {
    /// After an empty answer to a window counted from now: says so when the store's data ends
    /// before that window begins (recorded, historical data), and how to count from its end.
    func recordedDataHint(_ spec: TimeWindowSpec) throws -> [String] {
        guard let last = spec.last, let seconds = SequencePredicate.parseDuration(last),
              let latest = try latestSegmentEnd(),
              latest < currentUTCNanoseconds() - Int64(seconds * 1e9) else { return [] }
        let ends = TimeDisplay.format(utcNanoseconds: latest, zone: try WindowClock(sources: sources()).sharedZoneOrUTC())
        return ["the store's latest segment ends at \(ends), before the last \(last); for recorded data count from there: from latest-\(last)"]
    }
}
