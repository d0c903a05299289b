// The `creation_time` tag as a wall clock. Parsed by hand (no Foundation) so the result is
// exact to the nanosecond and identical on every platform.

/// When the first frame was recorded, as muxers write it into `creation_time`.
public struct CreationTime: Sendable, Codable, Equatable {
    /// Normalised ISO-8601 in UTC, e.g. `2014-06-09T15:54:39Z` (fraction only when nonzero).
    public var iso8601: String
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var utcNanoseconds: Int64

    /// Parses `YYYY-MM-DD[T ]hh:mm:ss[.fraction][Z|±hh[:]mm]`; no zone means UTC (as FFmpeg
    /// writes it). Returns nil for unparsable text and for the 1970-01-01 date that cameras
    /// and muxers write when they do not know the time.
    public init?(tag: String) {
        let chars = Array(tag.utf8)
        guard chars.count >= 19, chars[4] == 0x2D, chars[7] == 0x2D,
              chars[10] == 0x54 || chars[10] == 0x20 || chars[10] == 0x74,
              chars[13] == 0x3A, chars[16] == 0x3A,
              let year = Self.number(chars, 0..<4), let month = Self.number(chars, 5..<7),
              let day = Self.number(chars, 8..<10), let hour = Self.number(chars, 11..<13),
              let minute = Self.number(chars, 14..<16), let second = Self.number(chars, 17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61
        else { return nil }
        guard !(year == 1970 && month == 1 && day == 1) else { return nil }
        var rest = chars[19...]
        var nanos: Int64 = 0
        if rest.first == 0x2E {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty else { return nil }
            for (i, digit) in digits.prefix(9).enumerated() {
                nanos += Int64(digit - 0x30) * Self.powerOfTen(8 - i)
            }
            rest = rest.dropFirst(digits.count)
        }
        guard let offsetSeconds = Self.zoneOffsetSeconds(Array(rest)) else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        utcNanoseconds = seconds * 1_000_000_000 + nanos
        iso8601 = Self.format(utcNanoseconds: utcNanoseconds)
    }

    private static func number(_ chars: [UInt8], _ range: Range<Int>) -> Int? {
        var value = 0
        for c in chars[range] {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
        }
        return value
    }

    private static func powerOfTen(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(Int64(1)) { value, _ in value * 10 }
    }

    /// Offset east of UTC in seconds for `Z`, `+hh:mm`, `+hhmm`, `+hh`, or nothing (UTC).
    private static func zoneOffsetSeconds(_ zone: [UInt8]) -> Int64? {
        if zone.isEmpty || zone == [0x5A] || zone == [0x7A] { return 0 }
        guard zone[0] == 0x2B || zone[0] == 0x2D else { return nil }
        let digits = Array(zone.dropFirst().filter { $0 != 0x3A })
        guard digits.count == 2 || digits.count == 4,
              let hours = number(digits, 0..<2) else { return nil }
        let minutes = digits.count == 4 ? number(digits, 2..<4) : 0
        guard let minutes, hours < 24, minutes < 60 else { return nil }
        let magnitude = Int64(hours * 3600 + minutes * 60)
        return zone[0] == 0x2D ? -magnitude : magnitude
    }
}
