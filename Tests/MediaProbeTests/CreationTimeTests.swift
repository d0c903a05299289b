// Goal: `creation_time` tags become exact UTC nanoseconds; 1970-01-01 and junk mean "unknown".
// Method: the forms muxers write (FFmpeg's microseconds + Z, space separator, offsets, no
// zone), checked against epoch values computed independently (`date -u -d ... +%s`).
import MediaProbe
import Testing

@Suite struct CreationTimeTests {
    @Test(arguments: [
        ("2014-06-09T15:54:39.000000Z", "2014-06-09T15:54:39Z", Int64(1_402_329_279) * 1_000_000_000),
        ("2014-06-09 15:54:39", "2014-06-09T15:54:39Z", Int64(1_402_329_279) * 1_000_000_000),
        ("2014-06-09T17:54:39+02:00", "2014-06-09T15:54:39Z", Int64(1_402_329_279) * 1_000_000_000),
        ("2014-06-09T10:54:39-0500", "2014-06-09T15:54:39Z", Int64(1_402_329_279) * 1_000_000_000),
        ("2026-11-20T14:00:00.25Z", "2026-11-20T14:00:00.25Z", Int64(1_795_183_200) * 1_000_000_000 + 250_000_000),
        ("2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z", Int64(951_782_400) * 1_000_000_000),
    ])
    func parses(tag: String, iso: String, nanos: Int64) {
        let time = CreationTime(tag: tag)
        #expect(time?.iso8601 == iso)
        #expect(time?.utcNanoseconds == nanos)
    }

    @Test(arguments: ["1970-01-01T00:00:00.000000Z", "1970-01-01 00:00:00", "", "yesterday",
                      "2014-13-09T15:54:39Z", "2014-06-09T15:54:39+25:00", "2014-06-09T15:54:39."])
    func unknown(tag: String) {
        #expect(CreationTime(tag: tag) == nil)
    }
}
