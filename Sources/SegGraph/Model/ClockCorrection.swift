// A camera whose clock is off: an offset (and a drift) an investigator measured, applied when
// the store is read — the stored segments keep the camera's own times, so a correction can be
// changed or withdrawn without touching them.

/// true time = camera time + offset + drift × (camera time − the source's start).
public struct ClockCorrection: Codable, Sendable, Equatable {
    /// Seconds added to the camera's clock (negative: the camera runs ahead).
    public var offsetSeconds: Double
    /// Parts per million the camera's clock gains (positive) or loses, from the source's start.
    public var driftPPM: Double

    public init(offsetSeconds: Double, driftPPM: Double = 0) {
        self.offsetSeconds = offsetSeconds
        self.driftPPM = driftPPM
    }

    /// Whether the correction changes nothing.
    public var isIdentity: Bool { offsetSeconds == 0 && driftPPM == 0 }

    /// `t` (camera clock, ns) on the true clock; `anchor` is the source's start.
    public func apply(_ t: Int64, anchor: Int64) -> Int64 {
        let drift = driftPPM * 1e-6 * Double(t &- anchor)
        return t &+ Int64((offsetSeconds * 1e9 + drift).rounded())
    }

    /// The camera time whose true time is `t` (the inverse of `apply`).
    public func invert(_ t: Int64, anchor: Int64) -> Int64 {
        let shifted = Double(t &- anchor) - offsetSeconds * 1e9
        return anchor &+ Int64((shifted / (1 + driftPPM * 1e-6)).rounded())
    }
}

extension Source {
    /// `span` (camera clock) on the true clock: unchanged without a correction.
    public func corrected(_ span: TimeSpan) -> TimeSpan {
        guard let correction = clockCorrection else { return span }
        let anchor = startUTCNanoseconds ?? 0
        return TimeSpan(startNanoseconds: correction.apply(span.startNanoseconds, anchor: anchor),
                        endNanoseconds: max(correction.apply(span.startNanoseconds, anchor: anchor),
                                            correction.apply(span.endNanoseconds, anchor: anchor)))!
    }

    /// The camera-clock window whose true times are `window` (for index scans).
    func uncorrected(_ window: TimeSpan) -> TimeSpan {
        guard let correction = clockCorrection else { return window }
        let anchor = startUTCNanoseconds ?? 0
        let a = correction.invert(window.startNanoseconds, anchor: anchor), b = correction.invert(window.endNanoseconds, anchor: anchor)
        return TimeSpan(startNanoseconds: min(a, b), endNanoseconds: max(a, b))!
    }
}

extension Segment {
    /// This segment with its times on the true clock of `source`.
    func corrected(by source: Source) -> Segment {
        guard source.clockCorrection != nil else { return self }
        var segment = self
        segment.span = source.corrected(span)
        return segment
    }
}

extension TimeSpan {
    /// The camera-clock window to scan so that every segment of `sources` whose true times
    /// meet this window is found (the window itself covers sources without a correction).
    func coveringCameraTimes(of sources: some Sequence<Source>) -> TimeSpan {
        sources.reduce(self) { widest, source in
            let shifted = source.uncorrected(self)
            return TimeSpan(startNanoseconds: min(widest.startNanoseconds, shifted.startNanoseconds),
                            endNanoseconds: max(widest.endNanoseconds, shifted.endNanoseconds))!
        }
    }
}
