// A time window as a user states it: `from`/`to` in any accepted form, with the date
// and zone that clock times need. It is put on a clock only in a snapshot, because the
// defaults (the source's first day and zone) come from the store.
public import Foundation

/// `from`/`to` in any accepted time form, with `date` and `timeZone` for clock times.
public struct TimeWindowSpec: Sendable, Equatable {
    /// Start as written: ISO-8601 with offset, `HH:MM[:SS[.fff]]` (a clock time), or `12.5s`
    /// (seconds from the one source's t = 0); `nil` = no lower bound.
    public var from: String?
    /// End, in the same forms as `from`; `nil` = no upper bound.
    public var to: String?
    /// `YYYY-MM-DD` for clock times (default: the source's first day).
    public var date: String?
    /// IANA zone for clock times (default: the source's zone, else the machine's).
    public var timeZone: String?

    /// - Throws: `.invalidArgument` naming the parameter: a time in no accepted form, an
    ///   unknown zone, or a date that is not `YYYY-MM-DD`.
    public init(from: String? = nil, to: String? = nil, date: String? = nil, timeZone: String? = nil) throws {
        self.from = from
        self.to = to
        self.date = date
        self.timeZone = timeZone
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw StoreError(.invalidArgument, "timezone \(timeZone): unknown time zone\(DidYouMean.timeZoneHint(for: timeZone)) (IANA names like Europe/Berlin or UTC)", parameter: "tz")
        }
        // Syntax only: a clock time without a date is legal until the store has no default.
        let parser = TimeParser(date: date, timeZone: TimeZone(identifier: "UTC")!, defaultDate: date ?? "2000-01-01")
        if let from { _ = try parser.parse(from, option: "from") }
        if let to { _ = try parser.parse(to, option: "to") }
    }

    /// No bounds at all.
    public static let unbounded = TimeWindowSpec(uncheckedFrom: nil, to: nil)

    private init(uncheckedFrom from: String?, to: String?) {
        self.from = from
        self.to = to
    }

    /// Whether `from` or `to` is set.
    public var isBounded: Bool { from != nil || to != nil }

    /// The window on `source`'s clock (the one source a query names, if any); `nil` when unbounded.
    /// - Throws: `.invalidArgument` when `to` is before `from`, a clock time has no date,
    ///   or source seconds are used without exactly one source.
    public func resolve(source: Source?) throws -> TimeSpan? {
        guard isBounded else { return nil }
        let zone = timeZone.flatMap(TimeZone.init(identifier:)) ?? source.map(TimeDisplay.timeZone(for:)) ?? TimeZone.current
        let defaultDate = source.flatMap { source in
            source.startUTCNanoseconds.map { String(TimeDisplay.format(utcNanoseconds: $0, zone: zone).prefix(10)) }
        }
        let parser = TimeParser(date: date, timeZone: zone, defaultDate: defaultDate)
        let start = try from.map { try parser.parse($0, option: "from").nanoseconds(on: source, option: "from") } ?? Int64.min / 4
        let end = try to.map { try parser.parse($0, option: "to").nanoseconds(on: source, option: "to") } ?? Int64.max / 4
        guard let span = TimeSpan(startNanoseconds: start, endNanoseconds: end) else {
            throw StoreError(.invalidArgument, "to is before from", parameter: "to")
        }
        return span
    }
}
