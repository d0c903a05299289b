// Goal: the real tracker output in ../shared/data imports with exactly the expected
// counts, passes `check`, and re-importing is a no-op.
// Method: import each file into a fresh store and compare stats and the ledger.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct ImportRealDataTests {
    @Test(arguments: [
        ("vtest_mog2.json", 67, 3621, 67),
        ("tud-campus_gt.json", 8, 359, 0),
        ("tud-campus_tracker.json", 13, 222, 0),
    ])
    func importsWithExpectedCounts(file: String, segments: Int, boxes: Int, vectors: Int) throws {
        let fixture = try StoreFixture()
        guard case .imported(let record) = try fixture.importFile(TestPaths.segments(file)) else {
            Issue.record("expected a fresh import")
            return
        }
        #expect(record.segmentCount == segments)
        #expect(record.boxCount == boxes)
        #expect(record.embeddingCount == vectors)
        #expect(record.format == "array")
        let stats = try fixture.store.run(StatsQuery())
        #expect(stats.segmentCount == segments)
        #expect(stats.boxCount == boxes)
        #expect(try fixture.store.check().isConsistent)
    }

    @Test func vtestKeepsFrameGapsAsWarningsAndAttributes() throws {
        let fixture = try StoreFixture()
        guard case .imported(let record) = try fixture.importFile(TestPaths.segments("vtest_mog2.json")) else {
            Issue.record("expected a fresh import")
            return
        }
        #expect(record.warnings["frame_gap"] == 16)
        let detail = try fixture.store.run(ShowQuery(segment: "vtest_mog2/vtest-mog2-0001", boxesShown: Limits.boxesPerSegmentMax))
        #expect(detail.boxes.count == 130)
        #expect(detail.boxCount == 130)
        #expect(detail.boxes.first?.frameIndex == 30)
        #expect(detail.hit.segment.trackID == "1")
        #expect(detail.hit.segment.attributesJSON.contains("\"label_source\":\"aspect_ratio_heuristic\""))
        #expect(detail.embeddings.map(\.dimension) == [192])
        let vector = try #require(try fixture.store.read { try $0.embedding(of: detail.hit.segment.id, space: "default") })
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-3)
    }

    @Test func reimportingIdenticalBytesIsANoOp() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(TestPaths.segments("tud-campus_gt.json"))
        let before = try fixture.fingerprint()
        let outcome = try fixture.importFile(TestPaths.segments("tud-campus_gt.json"))
        guard case .alreadyImported = outcome else {
            Issue.record("expected alreadyImported, got \(outcome)")
            return
        }
        #expect(try fixture.fingerprint() == before)
        #expect(try fixture.store.read { try $0.importLedger() }.count == 1)
    }

    @Test func nullConfidenceIsKeptAsUnknown() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(TestPaths.segments("tud-campus_tracker.json"))
        var filter = SegmentFilter()
        filter.limit = 100
        let hits = try fixture.store.run(SegmentsQuery(filter: filter)).hits
        #expect(hits.count == 13)
        #expect(hits.allSatisfy { $0.segment.confidence == nil })
    }
}
