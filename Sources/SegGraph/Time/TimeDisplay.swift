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
