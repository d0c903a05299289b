// Goal: a clock time without a source means the same wall clock the cameras show (issue 15:
// 14:20 read in UTC against Berlin cameras gave a silent empty answer), windows can count
// from now or from the store's latest segment, and the refusals name what to give.
// Method: small stores whose sources carry zones; windows resolved in snapshots.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct WindowZoneTests {
    /// Two Berlin cameras: 14:20 without a source is 14:20 in Berlin on their shared first day.
    @Test func aClockTimeWithoutASourceTakesTheZoneTheSourcesShare() throws {
        let fixture = try StoreFixture()
        for camera in ["cam_a", "cam_b"] {
            try fixture.importFile(fixture.directory.write("\(camera).json", documentJSON(source: camera, segments: [
                segmentJSON("s", start: 1190, end: 1210)])))  // 14:19:50–14:20:10 in Berlin
        }
        var filter = SegmentFilter()
        filter.window = try TimeWindowSpec(from: "14:20", to: "14:20:05")
        let hits = try fixture.store.run(SegmentsQuery(filter: filter)).hits
        #expect(hits.map(\.source.name) == ["cam_a", "cam_b"])
    }

    @Test func sourcesInTwoZonesRefuseAClockTimeAndNameTheZones() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("berlin.json", documentJSON(source: "berlin", segments: [segmentJSON("s", start: 1, end: 2)])))
        let york = documentJSON(source: "york", start: "2026-11-20T08:00:00-05:00", segments: [segmentJSON("s", start: 1, end: 2)])
            .replacingOccurrences(of: "Europe/Berlin", with: "America/New_York")
        try fixture.importFile(fixture.directory.write("york.json", york))
        var filter = SegmentFilter()
        filter.window = try TimeWindowSpec(from: "14:00", to: "15:00", date: "2026-11-20")
        let error = #expect(throws: StoreError.self) { try fixture.store.run(SegmentsQuery(filter: filter)) }
        #expect(error?.message == "a clock time is read in the sources' zone, but they are in America/New_York (york) and Europe/Berlin (berlin): give tz or one source")
        #expect(error?.parameter == "tz")
        // Named, the zone or the source settles it.
        filter.window = try TimeWindowSpec(from: "14:00", to: "15:00", date: "2026-11-20", timeZone: "Europe/Berlin")
        #expect(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.source.name) == ["berlin", "york"])
        filter.sources = ["berlin"]
        filter.window = try TimeWindowSpec(from: "14:00", to: "15:00")
        #expect(try fixture.store.run(SegmentsQuery(filter: filter)).hits.count == 1)
    }

    /// `latest-30s` counts from the end of the latest segment (recorded data); `last` counts
    /// from now, so the same store answers nothing and says why.
    @Test func windowsCountFromTheLatestSegmentOrFromNow() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("early", start: 10, end: 20), segmentJSON("late", start: 100, end: 130)])))
        var filter = SegmentFilter()
        filter.window = try TimeWindowSpec(from: "latest-30s")
        #expect(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID) == ["late"])
        filter.window = try TimeWindowSpec(from: "latest-2m", to: "latest-1m")
        #expect(try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID) == ["early"])
        filter.window = try TimeWindowSpec(last: "10m")
        let recent = try fixture.store.run(SegmentsQuery(filter: filter))
        #expect(recent.hits.isEmpty)
        #expect(recent.answer.notes == ["the store's latest segment ends at 2026-11-20T14:02:10+01:00, before the last 10m; for recorded data count from there: from latest-10m"])
        #expect(throws: StoreError.self) { try TimeWindowSpec(from: "14:00", last: "10m") }
        #expect(throws: StoreError.self) { try TimeWindowSpec(last: "ten minutes") }
        #expect(throws: StoreError.self) { try TimeWindowSpec(from: "now-soon") }
    }
}
