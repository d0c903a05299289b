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
    /// IANA zone for clock times (default: the source's zone; without a source, the zone all
    /// the sources share).
    public var timeZone: String?
    /// `10m`, `1h`: the window is the last DURATION up to now (shorthand for
    /// `from: "now-10m", to: "now"`).
    public var last: String?

    /// - Throws: `.invalidArgument` naming the parameter: a time in no accepted form, an
    ///   unknown zone, a date that is not `YYYY-MM-DD`, or `last` with `from`/`to`.
    public init(from: String? = nil, to: String? = nil, date: String? = nil, timeZone: String? = nil, last: String? = nil) throws {
        self.from = from
        self.to = to
        self.date = date
        self.timeZone = timeZone
        self.last = last
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw StoreError(.invalidArgument, "timezone \(timeZone): unknown time zone\(DidYouMean.timeZoneHint(for: timeZone)) (IANA names like Europe/Berlin or UTC)", parameter: "tz")
        }
        if let last {
            guard from == nil && to == nil else {
                throw StoreError(.invalidArgument, "last is the window up to now; give it without from and to", parameter: "last")
            }
            guard SequencePredicate.parseDuration(last) != nil else {
                throw StoreError(.invalidArgument, "last \(last): expected a duration like 10m, 1h or 30s", parameter: "last")
            }
        }
        // Syntax only: a clock time without a date is legal until the store has no default.
        let parser = TimeParser(date: date, timeZone: TimeZone(identifier: "UTC")!, defaultDate: date ?? "2000-01-01", now: 0, latest: 0)
        if let from { _ = try parser.parse(from, option: "from") }
        if let to { _ = try parser.parse(to, option: "to") }
    }

    /// No bounds at all.
    public static let unbounded = TimeWindowSpec(uncheckedFrom: nil, to: nil)

    private init(uncheckedFrom from: String?, to: String?) {
        self.from = from
        self.to = to
    }

    /// Whether `from`, `to` or `last` is set.
    public var isBounded: Bool { from != nil || to != nil || last != nil }

    /// Whether `from` or `to` counts from the store's latest segment (`latest-10m`).
    var mentionsLatest: Bool { [from, to].contains { $0?.hasPrefix("latest") == true } }

    /// The window on `source`'s clock (the one source a query names, if any); `nil` when unbounded.
    /// Without a source, clock times are read in the zone every source of `clock` shares, on
    /// the day they all start (a clock time is refused, naming the zones, when they differ).
    /// - Throws: `.invalidArgument` when `to` is before `from`, a clock time has no date or
    ///   no single zone, or source seconds are used without exactly one source.
    public func resolve(source: Source?, clock: WindowClock = WindowClock()) throws -> TimeSpan? {
        guard isBounded else { return nil }
        let from = last.map { "now-" + $0 } ?? self.from
        let to = last != nil ? "now" : self.to
        let clockTimes = [from, to].contains { $0.map(TimeParser.isClockTime) == true }
        let zone: TimeZone
        var defaultDate: String?
        if let timeZone, let named = TimeZone(identifier: timeZone) {
            zone = named
        } else if let source {
            zone = TimeDisplay.timeZone(for: source)
        } else if clockTimes {
            zone = try clock.sharedZone()
        } else {
            zone = TimeZone.current
        }
        if let source {
            defaultDate = source.startUTCNanoseconds.map { String(TimeDisplay.format(utcNanoseconds: $0, zone: zone).prefix(10)) }
        } else if clockTimes {
            defaultDate = clock.sharedFirstDay(in: zone)
        }
        let parser = TimeParser(date: date, timeZone: zone, defaultDate: defaultDate, now: clock.now, latest: clock.latest)
        let start = try from.map { try parser.parse($0, option: "from").nanoseconds(on: source, option: "from") } ?? Int64.min / 4
        let end = try to.map { try parser.parse($0, option: "to").nanoseconds(on: source, option: "to") } ?? Int64.max / 4
        guard let span = TimeSpan(startNanoseconds: start, endNanoseconds: end) else {
            throw StoreError(.invalidArgument, "to is before from", parameter: "to")
        }
        return span
    }
}

/// What a window's words refer to beyond its text: the clock (`now`), the store's latest
/// segment (`latest`), and the sources whose shared zone and first day clock times take when
/// no one source is named.
public struct WindowClock: Sendable {
    /// UTC nanoseconds of `now`.
    public var now: Int64
    /// End of the store's latest segment; `nil` in an empty store.
    public var latest: Int64?
    /// The sources a clock time without a named source is read against.
    public var sources: [Source]

    /// `now` defaults to the system clock.
    public init(now: Int64? = nil, latest: Int64? = nil, sources: [Source] = []) {
        self.now = now ?? currentUTCNanoseconds()
        self.latest = latest
        self.sources = sources
    }

    /// The zone every wall-clock source shows its times in; the machine's when there is none.
    /// - Throws: `.invalidArgument` naming the zones and their sources when they differ.
    func sharedZone() throws -> TimeZone {
        var byZone: [String: [String]] = [:]
        var zones: [String: TimeZone] = [:]
        for source in sources where source.hasWallClock {
            let zone = TimeDisplay.timeZone(for: source)
            byZone[zone.identifier, default: []].append(source.name)
            zones[zone.identifier] = zone
        }
        guard byZone.count <= 1 else {
            let listed = byZone.keys.sorted().map { zone in
                let names = byZone[zone]!.sorted()
                return "\(zone) (\(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? ", …" : ""))"
            }
            throw StoreError(.invalidArgument,
                             "a clock time is read in the sources' zone, but they are in \(listed.joined(separator: " and ")): give tz or one source",
                             parameter: "tz")
        }
        return zones.values.first ?? TimeZone.current
    }

    /// The shared zone, or UTC when the sources' zones differ (for showing one instant).
    func sharedZoneOrUTC() -> TimeZone {
        (try? sharedZone()) ?? TimeZone(identifier: "UTC")!
    }

    /// The local day (in `zone`) every wall-clock source starts on, or `nil` when they differ.
    func sharedFirstDay(in zone: TimeZone) -> String? {
        let days = Set(sources.compactMap { $0.startUTCNanoseconds.map { String(TimeDisplay.format(utcNanoseconds: $0, zone: zone).prefix(10)) } })
        return days.count == 1 ? days.first : nil
    }
}
