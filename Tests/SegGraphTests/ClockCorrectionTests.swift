// Goal: a camera whose clock is off can be corrected without rewriting what is stored: every
// query shows and compares its times on the true clock at once, re-identification follows
// after `relink`, the trace records the correction, and removing it restores the original.
// Method: two hand-built cameras; cam_b's clock runs 35 s behind, so the person's cam_b
// sighting (camera time 5–15 s) seems to overlap the cam_a sighting (0–10 s): two places at
// once, no same_as. With cam_b corrected by +35 s it is 40–50 s: a plausible hand-off.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct ClockCorrectionTests {
    static let start: Int64 = 1_795_179_600_000_000_000  // 2026-11-20T14:00:00+01:00

    static func skewedCameras() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam_a", segments: [
            segmentJSON("seed", start: 0, end: 10, track: "t1", embedding: TraceRuleTests.vector(0)),
        ])))
        try fixture.importFile(fixture.directory.write("b.json", documentJSON(source: "cam_b", segments: [
            segmentJSON("later", start: 5, end: 15, track: "t2", embedding: TraceRuleTests.vector(0.1)),
        ])))
        return fixture
    }

    static func window(_ from: Double, _ to: Double) -> SegmentFilter {
        var filter = SegmentFilter()
        filter.sources = ["cam_b"]
        let utc = TimeZone(identifier: "UTC")!
        filter.window = try! TimeWindowSpec(from: TimeDisplay.format(utcNanoseconds: start + Int64(from * 1e9), zone: utc),
                                            to: TimeDisplay.format(utcNanoseconds: start + Int64(to * 1e9), zone: utc))
        return filter
    }

    @Test func aCorrectedClockChangesEveryAnswerButNotTheStoredTimes() throws {
        let fixture = try Self.skewedCameras()
        #expect(TraceRuleTests.names(try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed")))) == ["cam_a/seed"],
                "on the cameras' own clocks the two sightings overlap: two places at once")
        try fixture.store.setClockCorrection(source: "cam_b", ClockCorrection(offsetSeconds: 35))
        // Queries see true times at once.
        #expect(try fixture.store.run(SegmentsQuery(filter: Self.window(38, 52))).hits.map(\.name) == ["cam_b/later"])
        #expect(try fixture.store.run(SegmentsQuery(filter: Self.window(4, 16))).hits.isEmpty)
        let shown = try fixture.store.run(ShowQuery(segment: "cam_b/later")).hit.segment.span
        #expect(shown.startNanoseconds == Self.start + 40_000_000_000)
        // Re-identification follows after relink; the trace records the correction.
        try fixture.store.relink()
        let answer = try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed")))
        #expect(TraceRuleTests.names(answer) == ["cam_a/seed", "cam_b/later"])
        #expect(answer.clockCorrections.map(\.source) == ["cam_b"])
        #expect(answer.answer.json.contains("\"clock_corrections\":[{\"source\":\"cam_b\",\"offset_s\":35"))
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
        // Removing it restores the cameras' own clocks; the stored record never changed.
        try fixture.store.setClockCorrection(source: "cam_b", ClockCorrection(offsetSeconds: 0))
        try fixture.store.relink()
        #expect(try fixture.store.run(SegmentsQuery(filter: Self.window(4, 16))).hits.map(\.name) == ["cam_b/later"])
        #expect(TraceRuleTests.names(try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed")))) == ["cam_a/seed"])
    }

    @Test func driftGrowsWithTimeSinceTheSourceStart() {
        let correction = ClockCorrection(offsetSeconds: -2, driftPPM: 100)
        let anchor: Int64 = 1_000_000_000_000
        let oneHourLater = anchor + 3_600_000_000_000
        // 100 ppm of an hour is 0.36 s; minus the 2 s offset.
        #expect(correction.apply(oneHourLater, anchor: anchor) == oneHourLater - 2_000_000_000 + 360_000_000)
        #expect(correction.invert(correction.apply(oneHourLater, anchor: anchor), anchor: anchor) == oneHourLater)
    }

    @Test func unknownSourcesAndWildValuesAreRefused() throws {
        let fixture = try Self.skewedCameras()
        #expect(throws: StoreError.self) { try fixture.store.setClockCorrection(source: "cam_z", ClockCorrection(offsetSeconds: 1)) }
        #expect(throws: StoreError.self) { try fixture.store.setClockCorrection(source: "cam_b", ClockCorrection(offsetSeconds: .nan)) }
        #expect(throws: StoreError.self) { try fixture.store.setClockCorrection(source: "cam_b", ClockCorrection(offsetSeconds: 0, driftPPM: 5000)) }
    }
}
