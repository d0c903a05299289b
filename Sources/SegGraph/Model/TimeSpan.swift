// Time as a type: nanoseconds on a source's clock. For sources with a wall clock that
// is UTC nanoseconds since 1970; for relative-only sources it is nanoseconds since the
// source's t = 0.

/// A closed interval [start, end] that cannot end before it starts.
public struct TimeSpan: Hashable, Sendable {
    /// Start in nanoseconds on the source's clock: UTC since 1970 for wall-clock sources, since
    /// t = 0 for relative-only ones.
    public let startNanoseconds: Int64
    /// End, on the same clock; never before `startNanoseconds`.
    public let endNanoseconds: Int64

    /// `nil` when `end < start`.
    public init?(startNanoseconds: Int64, endNanoseconds: Int64) {
        guard endNanoseconds >= startNanoseconds else { return nil }
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
    }

    /// End minus start, in nanoseconds; 0 for an instant, never negative.
    public var durationNanoseconds: Int64 { endNanoseconds - startNanoseconds }

    /// Closed-interval overlap: touching endpoints overlap.
    public func overlaps(_ other: TimeSpan) -> Bool {
        startNanoseconds <= other.endNanoseconds && other.startNanoseconds <= endNanoseconds
    }

    /// The common part of two spans, `nil` when they do not overlap.
    public func intersection(_ other: TimeSpan) -> TimeSpan? {
        TimeSpan(startNanoseconds: max(startNanoseconds, other.startNanoseconds),
                 endNanoseconds: min(endNanoseconds, other.endNanoseconds))
    }
}

/// Conversions between seconds and the store's nanoseconds.
public enum Nanoseconds {
    /// 1,000,000,000.
    public static let perSecond: Int64 = 1_000_000_000

    /// Seconds → nanoseconds, rounded to the nearest; `nil` when out of Int64's range.
    public static func from(seconds: Double) -> Int64? {
        let value = (seconds * 1e9).rounded()
        guard value.isFinite, value > -9.2e18, value < 9.2e18 else { return nil }
        return Int64(value)
    }

    /// Nanoseconds → seconds; a present-day UTC value keeps only about 256 ns of precision.
    public static func seconds(_ nanoseconds: Int64) -> Double { Double(nanoseconds) / 1e9 }
}
