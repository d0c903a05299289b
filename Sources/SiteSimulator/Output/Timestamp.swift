// ISO-8601 wall-clock stamps with a fixed UTC offset, computed by hand (no Foundation date
// formatting, whose output could vary by platform or locale).

/// "2026-11-20T14:00:07.250+01:00" for `unixMilliseconds` shown at `offsetMinutes` from UTC.
func isoTimestamp(unixMilliseconds: Int64, offsetMinutes: Int) -> String {
    let local = unixMilliseconds + Int64(offsetMinutes) * 60_000
    let millisOfDay = Int(((local % 86_400_000) + 86_400_000) % 86_400_000)
    let days = Int((local - Int64(millisOfDay)) / 86_400_000)
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    let seconds = millisOfDay / 1000
    let sign = offsetMinutes < 0 ? "-" : "+"
    let offset = abs(offsetMinutes)
    return zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
        + "T" + zeroPadded(seconds / 3600, width: 2) + ":" + zeroPadded(seconds / 60 % 60, width: 2)
        + ":" + zeroPadded(seconds % 60, width: 2) + "." + zeroPadded(millisOfDay % 1000, width: 3)
        + sign + zeroPadded(offset / 60, width: 2) + ":" + zeroPadded(offset % 60, width: 2)
}

/// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's `civil_from_days`).
func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
