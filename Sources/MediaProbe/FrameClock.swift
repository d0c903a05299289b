// The rules that pick a frame rate and decide whether the header's frame count can be
// trusted. Pure functions over plain numbers, so they are tested without any video.

/// Limits of what MediaProbe believes, in one place.
enum ProbeLimits {
    /// Rates outside this range are container junk (0, a 90 kHz tick rate, 1/0).
    static let framesPerSecondMin = 0.5
    static let framesPerSecondMax = 1_000.0
    /// The header's `nb_frames` is trusted when within this fraction of duration · fps.
    static let frameCountToleranceFraction = 0.10
    /// Upper bound on packets read while counting (a day at 120 fps), so a corrupt or endless
    /// stream cannot keep the loop going forever.
    static let packetsCountedMax = 10_368_000
}

enum FrameClock {
    /// Prefers `avg_frame_rate` (true mean rate, right for variable-rate video) when it is
    /// valid and plausible, else `r_frame_rate`.
    static func chooseRate(average: Rational, real: Rational) -> FrameRateInfo {
        if isPlausible(average) {
            let reason = average == real
                ? "average and real rates agree"
                : "average rate is valid and plausible (real rate \(real) differs)"
            return FrameRateInfo(average: average, real: real, chosen: average,
                                 source: .average, reason: reason)
        }
        let reason = isPlausible(real)
            ? "average rate \(average) is missing or implausible"
            : "neither rate is plausible; real rate \(real) used as is"
        return FrameRateInfo(average: average, real: real, chosen: real, source: .real,
                             reason: reason)
    }

    static func isPlausible(_ rate: Rational) -> Bool {
        guard rate.numerator > 0, let value = rate.value, value.isFinite else { return false }
        return value >= ProbeLimits.framesPerSecondMin && value <= ProbeLimits.framesPerSecondMax
    }

    /// Why the header's frame count cannot be used, or nil when it can.
    /// - Parameters:
    ///   - headerFrames: `nb_frames`; nil or 0 when the container does not record it.
    ///   - durationSeconds: the video stream's duration (or the container's).
    static func headerDistrust(headerFrames: Int?, durationSeconds: Double?,
                               framesPerSecond: Double) -> String? {
        guard let headerFrames, headerFrames > 0 else { return "header has no frame count" }
        guard let durationSeconds, durationSeconds > 0, framesPerSecond > 0 else {
            return nil  // nothing to check it against; the header is all we know
        }
        let expected = durationSeconds * framesPerSecond
        let deviation = abs(Double(headerFrames) - expected) / expected
        guard deviation > ProbeLimits.frameCountToleranceFraction else { return nil }
        let percent = Int((deviation * 100).rounded())
        return "header frame count \(headerFrames) differs from duration × fps "
            + "(\(Int(expected.rounded()))) by \(percent) %"
    }
}
