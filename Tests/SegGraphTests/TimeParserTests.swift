// Goal: every accepted command-line time form maps to the right instant, and bad
// forms get a message listing the accepted ones and naming the parameter at fault (in the
// engine's words, without `--`). Method: fixed zones and dates.
import Foundation
import SegGraph
import Testing

@Suite struct TimeParserTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test func iso8601WithOffset() throws {
        let parser = TimeParser(date: nil, timeZone: berlin, defaultDate: nil)
        #expect(try parser.parse("2026-11-20T14:00:00+01:00", option: "from") == .utcNanoseconds(1_795_179_600_000_000_000))
        #expect(try parser.parse("2026-11-20T13:00:00Z", option: "from") == .utcNanoseconds(1_795_179_600_000_000_000))
    }

    @Test func clockTimesUseTheDateAndZone() throws {
        let parser = TimeParser(date: "2026-11-20", timeZone: berlin, defaultDate: nil)
        #expect(try parser.parse("14:00", option: "from") == .utcNanoseconds(1_795_179_600_000_000_000))
        #expect(try parser.parse("14:00:30.5", option: "from") == .utcNanoseconds(1_795_179_630_500_000_000))
        let summer = TimeParser(date: "2026-07-01", timeZone: berlin, defaultDate: nil)
        // CEST is UTC+2 in July.
        #expect(try summer.parse("14:00", option: "from") == .utcNanoseconds(1_782_907_200_000_000_000))
    }

    @Test func relativeSeconds() throws {
        let parser = TimeParser(date: nil, timeZone: berlin, defaultDate: nil)
        #expect(try parser.parse("12.5s", option: "from") == .relativeSeconds(12.5))
    }

    @Test func badFormsAreExplained() throws {
        let parser = TimeParser(date: nil, timeZone: berlin, defaultDate: nil)
        let error = #expect(throws: StoreError.self) { try parser.parse("yesterday", option: "from") }
        #expect(error?.message == "from yesterday: expected ISO-8601 with offset (2026-11-20T14:00:00+01:00), a clock time (14:00 or 14:00:30) or seconds (12.5s)")
        #expect(error?.parameter == "from")
        let needsDate = #expect(throws: StoreError.self) { try parser.parse("14:00", option: "to") }
        #expect(needsDate?.message == "to 14:00: a clock time needs a date (YYYY-MM-DD)")
        #expect(needsDate?.parameter == "date")
    }
}
