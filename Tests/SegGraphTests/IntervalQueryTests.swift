// Goal: window queries return exactly the segments overlapping the window, including
// segments much longer than the window and ones that start before it.
// Method: a seeded random mix of short and very long segments; every query is compared
// with a brute-force overlap test over all segments.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct IntervalQueryTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
    }

    @Test func windowQueriesMatchBruteForce() throws {
        let fixture = try StoreFixture()
        var random = Generator(state: 42)
        var spans: [String: (Double, Double)] = [:]
        var segments: [String] = []
        for i in 0..<400 {
            let start = random.uniform(0...20_000)
            // Mostly seconds long, some minutes, a few hours: every index level gets used.
            let kind = random.next() % 20
            let duration = kind == 0 ? random.uniform(3600...20_000) : (kind < 4 ? random.uniform(60...900) : random.uniform(0...30))
            let id = "s\(i)"
            spans[id] = (start, start + duration)
            segments.append(segmentJSON(id, label: i % 3 == 0 ? "bag" : "person", start: start, end: start + duration))
        }
        try fixture.importFile(fixture.directory.write("cam.json", documentJSON(source: "cam", segments: segments)))
        let source = try fixture.store.read { try $0.source(named: "cam") }
        for _ in 0..<200 {
            let from = random.uniform(-100...21_000)
            let to = from + random.uniform(0...(random.next() % 2 == 0 ? 30 : 3000))
            var filter = SegmentFilter()
            filter.limit = 1000
            // Exact nanosecond bounds as ISO-8601 (no source named, so no seconds form).
            filter.window = try TimeWindowSpec(from: iso(source, from), to: iso(source, to))
            let got = Set(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID))
            let expected = Set(spans.filter { ns(source, $0.value.0) <= ns(source, to) && ns(source, $0.value.1) >= ns(source, from) }.keys)
            #expect(got == expected, "window \(from)…\(to)")
            filter.labels = ["bag"]
            let bags = Set(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID))
            #expect(bags == expected.filter { Int($0.dropFirst())! % 3 == 0 })
        }
    }

    private func ns(_ source: Source, _ seconds: Double) -> Int64 { source.clockNanoseconds(offsetSeconds: seconds)! }

    private func iso(_ source: Source, _ seconds: Double) -> String {
        TimeDisplay.format(utcNanoseconds: ns(source, seconds), zone: TimeDisplay.timeZone(for: source))
    }

    @Test func resultsAreOrderedByStartThenID() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("late", start: 9, end: 10), segmentJSON("tie-b", start: 3, end: 4),
            segmentJSON("tie-a", start: 3, end: 8), segmentJSON("early", start: 1, end: 100)])))
        let order = try fixture.store.run(SegmentsQuery()).hits.map(\.segment.externalID)
        #expect(order == ["early", "tie-b", "tie-a", "late"])
    }

    @Test func trackFilterNeedsOneSource() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("a", start: 1, end: 2, track: "t1"), segmentJSON("b", start: 3, end: 4, track: "t2"),
            segmentJSON("c", start: 5, end: 6, track: "t1")])))
        var filter = SegmentFilter()
        filter.trackID = "t1"
        #expect(throws: StoreError.self) { try fixture.store.run(SegmentsQuery(filter: filter)) }
        filter.sources = ["cam"]
        #expect(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID) == ["a", "c"])
    }
}
