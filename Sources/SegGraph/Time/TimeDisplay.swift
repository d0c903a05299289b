// Showing stored times the way the people at the camera saw them: local wall-clock
// time in the source's zone, with the offset; relative-only sources in seconds.
public import Foundation
public import SegGraphModel

/// Formats stored times for people and answers.
public enum TimeDisplay {
    /// The zone a source's times are shown in: its `timezone`, else the offset its
    /// `start_time` was written with, else the machine's zone.
    public static func timeZone(for source: Source) -> TimeZone {
        if let identifier = source.timeZoneIdentifier, let zone = zones.zone(identifier) { return zone }
        if let offset = source.startOffsetSeconds, let zone = TimeZone(secondsFromGMT: Int(offset)) { return zone }
        return TimeZone.current
    }

    /// Shows every time of this process in one zone (`--utc`, `--out-tz`) instead of each
    /// source's own; `nil` (the default) keeps the sources' zones. Output only: clock times
    /// typed on the command line are still read in the source's zone (or `--tz`).
    /// - Returns: whether `name` is a zone (an unknown name leaves the setting as it was).
    @discardableResult
    public static func showEveryTime(inZoneNamed name: String?) -> Bool {
        guard let name else { outputZone.set(nil); return true }
        guard let zone = TimeZone(identifier: name) else { return false }
        outputZone.set((name, zone))
        return true
    }

    /// The name of the zone every time is shown in, as given (`UTC`), when one was set.
    static var everyTimeZoneName: String? { outputZone.current?.name }

    private static let outputZone = OutputZone()

    /// Zones by identifier: building a `TimeZone` from its name costs more than formatting
    /// the time, and an answer formats every time of every visit.
    private static let zones = ZoneCache()

    /// `2026-11-20T14:02:10.3+01:00` for wall-clock sources, `12.5s` for relative ones.
    public static func format(_ nanoseconds: Int64, source: Source) -> String {
        guard source.hasWallClock else { return formatSeconds(Nanoseconds.seconds(nanoseconds)) }
        return format(utcNanoseconds: nanoseconds, zone: timeZone(for: source))
    }

    /// ISO-8601 of a UTC instant with `zone`'s offset at that instant (daylight saving
    /// applies), e.g. `2026-11-20T14:02:10.3+01:00`; fractions only as long as needed.
    public static func format(utcNanoseconds: Int64, zone: TimeZone) -> String {
        let zone = outputZone.current?.zone ?? zone
        let date = Date(timeIntervalSince1970: Double(utcNanoseconds) / 1e9)
        let offset = Int32(zone.secondsFromGMT(for: date))
        return ISO8601.format(utcNanoseconds: utcNanoseconds, offsetSeconds: offset)
    }

    /// Seconds with up to millisecond precision and an `s` suffix: `12.5s`.
    public static func formatSeconds(_ seconds: Double) -> String {
        var text = String(format: "%.3f", seconds)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "s"
    }
}

/// `TimeZone(identifier:)` remembered per identifier (there are a few hundred at most).
private final class ZoneCache: @unchecked Sendable {
    private let lock = NSLock()
    private var zones: [String: TimeZone?] = [:]

    func zone(_ identifier: String) -> TimeZone? {
        lock.lock()
        defer { lock.unlock() }
        if let known = zones[identifier] { return known }
        let zone = TimeZone(identifier: identifier)
        zones[identifier] = zone
        return zone
    }
}

/// The process-wide output zone (set once by the CLI before a command runs).
private final class OutputZone: @unchecked Sendable {
    private let lock = NSLock()
    private var named: (name: String, zone: TimeZone)?

    var current: (name: String, zone: TimeZone)? {
        lock.lock()
        defer { lock.unlock() }
        return named
    }

    func set(_ named: (name: String, zone: TimeZone)?) {
        lock.lock()
        defer { lock.unlock() }
        self.named = named
    }
}
