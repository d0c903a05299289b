// Goal: an import is all or nothing; conflicts with what is stored are clear errors;
// --replace swaps a changed file's segments. Method: small generated documents, with
// the store's fingerprint and `check` compared before and after each failure.
import Foundation
import SegGraph
import SegGraphModel
import Testing
import TestSupport

@Suite struct ImportSemanticsTests {
    @Test func aBadSegmentLateInTheFileLeavesTheStoreUnchanged() throws {
        let fixture = try StoreFixture()
        let good = fixture.directory.write("good.json", documentJSON(source: "cam_01", segments: [
            segmentJSON("a", start: 1, end: 2, embedding: [1, 0, 0])]))
        try fixture.importFile(good)
        let before = try fixture.fingerprint()
        var segments = (0..<50).map { segmentJSON("s\($0)", start: Double($0), end: Double($0) + 1, embedding: [0, 1, 0]) }
        segments.append(segmentJSON("late", start: 5, end: 4))
        let bad = fixture.directory.write("bad.json", documentJSON(source: "cam_02", segments: segments))
        let error = #expect(throws: ImportError.self) { try fixture.importFile(bad) }
        #expect(error?.description == "\(bad): $.segments[50].end_time_sec: end_time_sec (4.0) is before start_time_sec (5.0)")
        #expect(try fixture.fingerprint() == before)
        #expect(throws: StoreError.self) { try fixture.store.read { try $0.source(named: "cam_02") } }
        #expect(try fixture.store.check().isConsistent)
    }

    @Test func aSegmentIDAlreadyStoredIsAnErrorNamingTheEarlierFile() throws {
        let fixture = try StoreFixture()
        let first = fixture.directory.write("first.json", documentJSON(source: "cam", segments: [segmentJSON("x", start: 1, end: 2)]))
        let second = fixture.directory.write("second.json", documentJSON(source: "cam", segments: [
            segmentJSON("y", start: 3, end: 4), segmentJSON("x", start: 5, end: 6)]))
        try fixture.importFile(first)
        let error = #expect(throws: ImportError.self) { try fixture.importFile(second) }
        #expect(error?.description == "\(second): $.segments[1]: segment_id \"x\" already exists in source cam (imported from \(first); use --replace to re-import a changed file)")
        #expect(try fixture.store.run(StatsQuery()).segmentCount == 1)
    }

    @Test func replaceRemovesWhatTheEarlierImportBrought() throws {
        let fixture = try StoreFixture()
        let dir = TemporaryDirectory("replace")
        let path = dir.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("a", start: 1, end: 2, embedding: [1, 0]), segmentJSON("b", start: 2, end: 3, embedding: [0, 1])]))
        try fixture.importFile(path)
        dir.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("b", start: 2, end: 3.5, embedding: [0, 1]), segmentJSON("c", start: 4, end: 5, embedding: [1, 1])]))
        guard case .imported(let record) = try fixture.importFile(path, replace: true) else {
            Issue.record("expected an import")
            return
        }
        #expect(record.replacedImportIDs == [1])
        let names = try fixture.store.run(SegmentsQuery()).hits.map(\.segment.externalID)
        #expect(names == ["b", "c"])
        #expect(try fixture.store.run(StatsQuery()).spaces.first?.vectorCount == 2)
        let ledger = try fixture.store.read { try $0.importLedger() }
        #expect(ledger.map(\.state) == [.replaced, .active])
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
    }

    /// Two MOT-style folders hold files with one name; replacing one must not touch the other.
    @Test func replaceMatchesThePathNotTheName() throws {
        let fixture = try StoreFixture()
        let dir = TemporaryDirectory("replace-path")
        try FileManager.default.createDirectory(atPath: dir.file("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("b"), withIntermediateDirectories: true)
        let a = dir.write("a/cam.json", documentJSON(source: "cam_a", segments: [segmentJSON("a1", start: 1, end: 2)]))
        let b = dir.write("b/cam.json", documentJSON(source: "cam_b", segments: [segmentJSON("b1", start: 1, end: 2)]))
        try fixture.importFile(a)
        try fixture.importFile(b)
        dir.write("b/cam.json", documentJSON(source: "cam_b", segments: [segmentJSON("b2", start: 3, end: 4)]))
        try fixture.importFile(b, replace: true)
        let names = try fixture.store.run(SegmentsQuery()).hits.map(\.name).sorted()
        #expect(names == ["cam_a/a1", "cam_b/b2"])
    }

    @Test func embeddingDimensionMustMatchTheStoredSpace() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam", segments: [
            segmentJSON("a", start: 1, end: 2, embedding: [1, 0, 0])])))
        let b = fixture.directory.write("b.json", documentJSON(source: "cam", segments: [
            segmentJSON("b", start: 1, end: 2, embedding: [1, 0])]))
        let error = #expect(throws: ImportError.self) { try fixture.importFile(b) }
        #expect(error?.description == "\(b): $.segments[0]: embedding space \"default\" has dimension 3 in the store but this vector has 2")
    }

    @Test func aSourceClockCannotChange() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam", segments: [segmentJSON("a", start: 1, end: 2)])))
        let b = fixture.directory.write("b.json", documentJSON(source: "cam", start: "2026-11-20T15:00:00+01:00",
                                                               segments: [segmentJSON("b", start: 1, end: 2)]))
        let error = #expect(throws: ImportError.self) { try fixture.importFile(b) }
        #expect(error?.description == "\(b): $.source.start_time: source cam already starts at 2026-11-20T14:00:00+01:00; this import says 2026-11-20T15:00:00+01:00")
    }

    @Test func replacingASourcesOnlyFileMayCorrectItsClock() throws {
        // Found by the soak (session 18): a corrected start_time was refused although the
        // replace removes every segment that depended on the old clock.
        let fixture = try StoreFixture()
        let a = fixture.directory.write("a.json", documentJSON(source: "cam", segments: [segmentJSON("a", start: 1, end: 2)]))
        try fixture.importFile(a)
        fixture.directory.write("a.json", documentJSON(source: "cam", start: "2026-11-20T15:00:00+01:00",
                                                       segments: [segmentJSON("a", start: 1, end: 2)]))
        try fixture.importFile(a, replace: true)
        let hit = try #require(try fixture.store.run(SegmentsQuery()).hits.first)
        #expect(TimeDisplay.format(hit.segment.span.startNanoseconds, source: hit.source) == "2026-11-20T15:00:01+01:00")
        // With another file's segments still on the source, the clock stays and the change is refused.
        try fixture.importFile(fixture.directory.write("c.json", documentJSON(source: "cam", start: "2026-11-20T15:00:00+01:00",
                                                                               segments: [segmentJSON("c", start: 5, end: 6)])))
        fixture.directory.write("a.json", documentJSON(source: "cam", segments: [segmentJSON("a", start: 1, end: 2)]))
        let error = #expect(throws: ImportError.self) { try fixture.importFile(a, replace: true) }
        #expect(error?.description.hasSuffix("source cam already starts at 2026-11-20T15:00:00+01:00; this import says 2026-11-20T14:00:00+01:00") == true)
    }

    @Test func wallClockTimesComeFromTheSourceStart() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam", segments: [segmentJSON("a", start: 1.5, end: 2)])))
        let hit = try #require(try fixture.store.run(SegmentsQuery()).hits.first)
        #expect(TimeDisplay.format(hit.segment.span.startNanoseconds, source: hit.source) == "2026-11-20T14:00:01.5+01:00")
        #expect(hit.segment.span.startNanoseconds == 1_795_179_601_500_000_000)
    }
}

/// The value rules of issue 13 that accept (the refusals are golden error fixtures):
/// a zero-size box is kept exactly, and the linker treats it as no geometry.
@Suite struct ValueRuleTests {
    @Test func aZeroSizeBoxIsKeptExactlyAndLinksNothing() throws {
        let fixture = try StoreFixture()
        let zeroBox = #""bounding_boxes": [{"frame": 10, "time_sec": 1.0, "x": 640, "y": 360, "w": 0, "h": 0}]"#
        let person = segmentJSON("p", start: 1, end: 5)
        let bag = "{\"segment_id\": \"b\", \"label\": \"bag\", \"start_time_sec\": 1, \"end_time_sec\": 5, \(zeroBox)}"
        let path = fixture.directory.write("cam.json", documentJSON(source: "cam", segments: [person, bag]))
        try fixture.importFile(path)
        let detail = try fixture.store.run(ShowQuery(segment: "cam/b"))
        #expect(detail.boxes.map { [$0.x, $0.y, $0.width, $0.height] } == [[640, 360, 0, 0]])
        let edges = try fixture.store.run(NeighborsQuery(segment: "cam/b", kinds: [.holds]))
        #expect(edges.hits.isEmpty)
        #expect(try fixture.store.check().isConsistent)
    }
}
