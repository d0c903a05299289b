// Goal: the importer reads the project's real tracker outputs completely and exactly.
// Method: import each file under ../shared/data/segments and compare counts computed
// independently with Python (segments, boxes, embeddings, frame gaps) and spot-check values.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct RealDataTests {
    @Test func vtestMOG2() throws {
        let (report, consumer) = try importFile(Fixtures.realData.appendingPathComponent("vtest_mog2.json"))
        #expect(report.format == .array)
        #expect(report.segmentCount == 67)
        #expect(report.boxCount == 3621)
        #expect(report.embeddingCount == 67)
        #expect(report.warnings == [.frameGap: 16])
        #expect(consumer.sources.map(\.name) == ["vtest_mog2"])
        #expect(consumer.segments.allSatisfy { $0.embeddings["default"]?.count == 192 })
        let first = try #require(consumer.segments.first)
        #expect(first.externalID == "vtest-mog2-0001")
        #expect(first.label == "person")
        #expect(first.startSeconds == 3.0 && first.endSeconds == 15.9)
        #expect(first.boxes.first == BoxInput(frameIndex: 30, timeSeconds: 3.0, x: 620, y: 251, width: 49, height: 104))
        #expect(first.location == InputLocation(jsonPath: "$[0]"))
    }

    @Test func tudCampusGroundTruth() throws {
        let (report, consumer) = try importFile(Fixtures.realData.appendingPathComponent("tud-campus_gt.json"))
        #expect(report.segmentCount == 8)
        #expect(report.boxCount == 359)
        #expect(report.embeddingCount == 0)
        #expect(consumer.segments.allSatisfy { $0.embeddings.isEmpty })
    }

    @Test func tudCampusTracker() throws {
        let (report, consumer) = try importFile(Fixtures.realData.appendingPathComponent("tud-campus_tracker.json"))
        #expect(report.segmentCount == 13)
        #expect(report.boxCount == 222)
        #expect(consumer.segments.allSatisfy { $0.confidence == nil })
        let first = try #require(consumer.segments.first)
        #expect(first.trackID == "3")
        #expect(first.boxes.first?.x == Float(113.84))
        #expect(first.attributesJSON.hasPrefix("{\"track_id\":3,"))
    }
}
