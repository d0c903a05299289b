// Times on the command line: ISO-8601 with an offset, clock times (`14:00`, `14:00:30.5`)
// with a date and a zone, or seconds relative to a source's t = 0 (`12.5s`).
public import Foundation
public import SegGraphModel

/// A time as the user wrote it, before it is put on a source's clock.
public enum TimeExpression: Sendable, Equatable {
    /// An absolute instant in UTC nanoseconds since 1970 (ISO-8601, or a clock time put on a date).
    case utcNanoseconds(Int64)
    /// Seconds from a source's t = 0.
    case relativeSeconds(Double)
}

/// Parses times as people write them: ISO-8601 with an offset, `HH:MM[:SS[.fff]]` on `date`
/// (or `defaultDate`) in `timeZone`, or `12.5s` from a source's t = 0.
public struct TimeParser: Sendable {
    /// `YYYY-MM-DD` for clock times; `nil` falls back to `defaultDate`.
    public var date: String?
    /// Zone for clock times.
    public var timeZone: TimeZone
    /// The date clock times use when `date` is nil (e.g. the source's first day).
    public var defaultDate: String?
    /// What `now` means (UTC nanoseconds); `nil`: `now` is refused.
    public var now: Int64?
    /// What `latest` means: the end of the store's latest segment; `nil`: refused.
    public var latest: Int64?

    /// A parser whose clock times fall on `date` (else `defaultDate`) in `timeZone`.
    public init(date: String?, timeZone: TimeZone, defaultDate: String?, now: Int64? = nil, latest: Int64? = nil) {
        self.date = date
        self.timeZone = timeZone
        self.defaultDate = defaultDate
        self.now = now
        self.latest = latest
    }

    /// - Throws: `StoreError.invalidArgument` naming the option and the accepted forms.
    public func parse(_ text: String, option: String) throws -> TimeExpression {
        if text.hasSuffix("s"), let seconds = Double(text.dropLast()), seconds.isFinite {
            return .relativeSeconds(seconds)
        }
        if let anchored = try anchoredTime(text, option: option) { return .utcNanoseconds(anchored) }
        if let time = ISO8601.parse(text) { return .utcNanoseconds(time.utcNanoseconds) }
        if let clock = Self.clockSeconds(text) {
            guard let day = date ?? defaultDate else {
                throw StoreError(.invalidArgument, "\(option) \(text): a clock time needs a date (YYYY-MM-DD)", parameter: "date")
            }
            return .utcNanoseconds(try utc(day: day, secondsOfDay: clock, option: option))
        }
        throw StoreError(.invalidArgument,
                         "\(option) \(text): expected ISO-8601 with offset (2026-11-20T14:00:00+01:00), a clock time (14:00 or 14:00:30) or seconds (12.5s)",
                         parameter: option)
    }

    /// `now`, `now-1h`, `latest`, `latest-10m` (also `+`): an instant counted from the clock, or
    /// from the end of the store's latest segment (for recorded, historical data); `nil` when
    /// `text` is neither.
    private func anchoredTime(_ text: String, option: String) throws -> Int64? {
        for (word, base) in [("now", now), ("latest", latest)] {
            guard text == word || text.hasPrefix(word + "-") || text.hasPrefix(word + "+") else { continue }
            guard let base else {
                throw StoreError(.invalidArgument, "\(option) \(text): `\(word)` has no value here\(word == "latest" ? " (the store has no segment)" : "")", parameter: option)
            }
            if text == word { return base }
            let negative = text.dropFirst(word.count).first == "-"
            guard let seconds = SequencePredicate.parseDuration(String(text.dropFirst(word.count + 1))) else {
                throw StoreError(.invalidArgument, "\(option) \(text): expected \(word)-DURATION like \(word)-10m, \(word)-1h or \(word)-30s", parameter: option)
            }
            let offset = Int64((seconds * 1e9).rounded())
            return negative ? base - offset : base + offset
        }
        return nil
    }

    /// Whether `text` is a clock time (`14:00`), which needs a date and a zone.
    public static func isClockTime(_ text: String) -> Bool { clockSeconds(text) != nil }

    /// `HH:MM[:SS[.fff]]` → seconds of the day.
    static func clockSeconds(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes), parts[0].count == 2, parts[1].count == 2 else { return nil }
        var seconds = 0.0
        if parts.count == 3 {
            guard let value = Double(parts[2]), value >= 0, value < 61, parts[2].count >= 2 else { return nil }
            seconds = value
        }
        return Double(hours * 3600 + minutes * 60) + seconds
    }

    private func utc(day: String, secondsOfDay: Double, option: String) throws -> Int64 {
        let fields = day.split(separator: "-")
        // Years outside 1678…2261 do not fit signed 64-bit nanoseconds since 1970.
        guard fields.count == 3, let year = Int(fields[0]), let month = Int(fields[1]), let dayOfMonth = Int(fields[2]),
              (1678...2261).contains(year), (1...12).contains(month), (1...31).contains(dayOfMonth) else {
            throw StoreError(.invalidArgument, "date \(day): expected YYYY-MM-DD with a year in 1678…2261", parameter: "date")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let whole = Int(secondsOfDay)
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: whole / 3600,
                                        minute: whole / 60 % 60, second: whole % 60)
        guard let date = calendar.date(from: components) else {
            throw StoreError(.invalidArgument, "\(option): no such local time on \(day) in \(timeZone.identifier)", parameter: option)
        }
        let fraction = secondsOfDay - Double(whole)
        return Int64((date.timeIntervalSince1970 * 1e9).rounded()) + Int64((fraction * 1e9).rounded())
    }
}

extension TimeExpression {
    /// Puts the time on `source`'s clock; `nil` source only accepts absolute times.
    public func nanoseconds(on source: Source?, option: String) throws -> Int64 {
        switch self {
        case .utcNanoseconds(let value):
            return value
        case .relativeSeconds(let seconds):
            guard let source else {
                throw StoreError(.invalidArgument, "\(option): seconds relative to a source need exactly one source", parameter: option)
            }
            guard let value = source.clockNanoseconds(offsetSeconds: seconds) else {
                throw StoreError(.invalidArgument, "\(option): time out of range", parameter: option)
            }
            return value
        }
    }
}
