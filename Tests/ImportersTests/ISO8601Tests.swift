// Goal: `ISO8601` parses only well-formed timestamps with an offset, converts them to the right
// UTC instant (leap years, offsets, fractions), and `format` round-trips.
// Method: compare with instants computed independently (Python's calendar.timegm) and run a
// round trip over many generated instants.
import SegGraphModel
import Testing

@Suite struct ISO8601Tests {
    @Test(arguments: [
        ("2026-11-20T14:00:00+01:00", Int64(1_795_179_600) * 1_000_000_000, Int32(3600)),
        ("2026-11-20T13:00:00Z", Int64(1_795_179_600) * 1_000_000_000, 0),
        ("2026-11-20t13:00:00.25z", Int64(1_795_179_600) * 1_000_000_000 + 250_000_000, 0),
        ("2024-02-29T23:59:59.123456789-0530", Int64(1_709_270_999) * 1_000_000_000 + 123_456_789, -19_800),
        ("1970-01-01 00:00:00+00:00", 0, 0),
        ("1969-12-31T23:59:59.5Z", -500_000_000, 0),
        ("2000-03-01T00:00:00Z", Int64(951_868_800) * 1_000_000_000, 0),
    ])
    func parses(_ text: String, _ nanoseconds: Int64, _ offset: Int32) {
        #expect(ISO8601.parse(text) == WallClockTime(utcNanoseconds: nanoseconds, offsetSeconds: offset))
    }

    @Test(arguments: ["2026-11-20T14:00:00", "2026-13-20T14:00:00Z", "2026-02-29T00:00:00Z",
                      "2026-11-31T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T14:00:00+1:00",
                      "2026-11-20T14:00:00.Z", "2026-11-20T14:00Z", "26-11-20T14:00:00Z",
                      "2026-11-20T14:00:00Z trailing", "", "9999-01-01T00:00:00Z"])
    func rejects(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test func formats() {
        #expect(ISO8601.format(utcNanoseconds: 1_795_179_600_000_000_000, offsetSeconds: 3600)
            == "2026-11-20T14:00:00+01:00")
        #expect(ISO8601.format(utcNanoseconds: -500_000_000, offsetSeconds: 0) == "1969-12-31T23:59:59.5Z")
        #expect(ISO8601.format(utcNanoseconds: 0, offsetSeconds: -19_800) == "1969-12-31T18:30:00-05:30")
    }

    @Test func roundTrips() {
        var state: UInt64 = 99
        for _ in 0..<10_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let nanos = Int64(bitPattern: state) % 9_000_000_000_000_000_000
            let offset = Int32(Int64(state >> 40) % 1440 - 720) * 60
            let text = ISO8601.format(utcNanoseconds: nanos, offsetSeconds: offset)
            #expect(ISO8601.parse(text) == WallClockTime(utcNanoseconds: nanos, offsetSeconds: offset), "\(text)")
        }
    }
}
