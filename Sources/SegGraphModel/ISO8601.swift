// Strict ISO-8601 / RFC 3339 timestamps with an explicit offset, parsed and formatted by hand.
// Why not Foundation: DateFormatter is slow and accepts malformed input (e.g. month 13 rolls
// over); a source's wall-clock start must be exact or rejected.

/// Parses and formats `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
public enum ISO8601 {
    /// Parses a timestamp that carries its offset (`Z`, `+01:00` or `+0100`).
    ///
    /// Accepts `T`, `t` or a space between date and time, up to 9 fractional digits (more are
    /// truncated), and years 1678…2261 (the range of Int64 nanoseconds since 1970).
    /// - Returns: `nil` for anything else: no offset, out-of-range fields, trailing text.
    public static func parse(_ text: String) -> WallClockTime? {
        var scanner = TimestampScanner(bytes: Array(text.utf8))
        return scanner.parse()
    }

    /// Formats as `2026-11-20T14:00:00+01:00` (`Z` for offset 0), in the writer's local time.
    /// Fractional seconds appear only when non-zero, without trailing zeros.
    public static func format(utcNanoseconds: Int64, offsetSeconds: Int32) -> String {
        let nanosPerDay: Int64 = 86_400 * 1_000_000_000
        let local = utcNanoseconds &+ Int64(offsetSeconds) * 1_000_000_000
        let days = floorDivide(local, nanosPerDay)
        let nanosOfDay = local - days * nanosPerDay
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let secondsOfDay = nanosOfDay / 1_000_000_000
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        out += "T" + pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2)
        out += ":" + pad(secondsOfDay % 60, 2)
        var fraction = nanosOfDay % 1_000_000_000
        if fraction != 0 {
            var digits = 9
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            out += "." + pad(fraction, digits)
        }
        if offsetSeconds == 0 { return out + "Z" }
        let magnitude = Int64(offsetSeconds.magnitude)
        out += offsetSeconds < 0 ? "-" : "+"
        return out + pad(magnitude / 3600, 2) + ":" + pad(magnitude / 60 % 60, 2)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    /// Method: count years from March so the leap day is the last day of the year; then a
    /// 400-year era has a fixed 146 097 days and the month lengths follow (153 m + 2) / 5.
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = floorDivide(marchYear, 400)
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468  // 719 468 = days from 0000-03-01 to 1970-01-01
    }

    /// Inverse of `daysSinceEpoch`.
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        // Remove the leap days accumulated before this day, then whole 365-day years remain.
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over the timestamp's bytes; every `read*` consumes what it matched.
private struct TimestampScanner {
    let bytes: [UInt8]
    var index = 0

    mutating func parse() -> WallClockTime? {
        guard let year = readDigits(4), read("-"), let month = readDigits(2), read("-"),
              let day = readDigits(2), readAny("T", "t", " "),
              let hour = readDigits(2), read(":"), let minute = readDigits(2), read(":"),
              let second = readDigits(2) else { return nil }
        guard (1...12).contains(month), day >= 1,
              day <= ISO8601.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        var nanos: Int64 = 0
        if readAny(".", ",") {
            guard let fraction = readFraction() else { return nil }
            nanos = fraction
        }
        guard let offset = readOffset(), index == bytes.count else { return nil }
        let days = ISO8601.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - Int64(offset)
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(nanos)
        guard !overflow2 else { return nil }
        return WallClockTime(utcNanoseconds: total, offsetSeconds: offset)
    }

    /// `Z`, `±HH:MM` or `±HHMM`, as seconds east of UTC.
    mutating func readOffset() -> Int32? {
        if readAny("Z", "z") { return 0 }
        let negative: Bool
        if read("+") { negative = false } else if read("-") { negative = true } else { return nil }
        guard let hours = readDigits(2) else { return nil }
        _ = read(":")
        guard let minutes = readDigits(2), hours <= 23, minutes <= 59 else { return nil }
        let seconds = Int32(hours * 3600 + minutes * 60)
        return negative ? -seconds : seconds
    }

    /// One or more digits after the decimal separator, as nanoseconds (digits past 9 dropped).
    mutating func readFraction() -> Int64? {
        var nanos: Int64 = 0
        var count = 0
        while index < bytes.count, let digit = digitValue(bytes[index]) {
            if count < 9 { nanos = nanos * 10 + digit }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in min(count, 9)..<9 { nanos *= 10 }
        return nanos
    }

    mutating func readDigits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<count {
            guard let digit = digitValue(bytes[index + offset]) else { return nil }
            value = value * 10 + digit
        }
        index += count
        return value
    }

    mutating func read(_ ascii: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: ascii) else { return false }
        index += 1
        return true
    }

    mutating func readAny(_ choices: Unicode.Scalar...) -> Bool {
        choices.contains { read($0) }
    }

    func digitValue(_ byte: UInt8) -> Int64? {
        (0x30...0x39).contains(byte) ? Int64(byte - 0x30) : nil
    }
}
