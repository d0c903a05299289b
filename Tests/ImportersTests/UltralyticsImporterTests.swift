// Goal: the Ultralytics importer reads tracking output in every shape it is saved in — a list
// of per-frame arrays, one `to_json()` per frame (concatenated or JSON Lines), frame records
// and the `{"fps", "frames"}` wrapper — with the documented frame numbering, labels, OBB
// boxes, gaps and untracked detections.
// Method: fixtures written in the exact `Results.summary()` shape (Fixtures/ultralytics/
// valid) against golden dumps, plus targeted checks.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct UltralyticsImporterTests {
    static let valid = ForeignFixtures.directory("ultralytics").appendingPathComponent("valid")

    @Test(arguments: ["frames.json", "lines.jsonl", "concatenated.json", "wrapper.json"])
    func goldenDump(_ name: String) throws {
        let url = Self.valid.appendingPathComponent(name)
        let fps: Double? = name == "wrapper.json" ? nil : 10
        let (report, consumer) = try importAny(url, options: ImportOptions(defaultSourceName: "cam", framesPerSecond: fps))
        #expect(report.format == .ultralytics)
        let golden = Self.valid.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.jsonl")
        #expect(try GoldenDump.matches(GoldenDump.render(consumer), golden: golden))
    }

    @Test func framesByPositionAndUntrackedCounted() throws {
        let options = ImportOptions(defaultSourceName: "cam", framesPerSecond: 10)
        let (report, consumer) = try importAny(Self.valid.appendingPathComponent("frames.json"), options: options)
        #expect(report.warnings == [.untrackedDetection: 1, .frameGap: 1])
        #expect(consumer.segments.map(\.externalID) == ["track-1", "track-2"])
        #expect(consumer.segments[0].boxes == [
            BoxInput(frameIndex: 0, timeSeconds: 0, x: 100.5, y: 50.25, width: 60, height: 199.75),
            BoxInput(frameIndex: 2, timeSeconds: 0.2, x: 104, y: 51, width: 60, height: 200),
        ])
        #expect(consumer.segments[1].attributesJSON == #"{"track_id":2,"class_id":2}"#)
    }

    @Test func majorityLabelAndWrapperRateAndGapSplit() throws {
        let (_, concatenated) = try importAny(Self.valid.appendingPathComponent("concatenated.json"),
                                              options: ImportOptions(defaultSourceName: "c", framesPerSecond: 10))
        #expect(concatenated.segments.map(\.label) == ["bus"])
        #expect(concatenated.segments.first?.boxes.count == 3)
        let (_, wrapped) = try importAny(Self.valid.appendingPathComponent("wrapper.json"))
        #expect(wrapped.sources == [SourceInput(name: "wrapper", framesPerSecond: 30, width: 1920, height: 1080)])
        #expect(wrapped.segments.map(\.externalID) == ["track-3-1", "track-3-2"])
        // The oriented box's four corners become their bounding box.
        #expect(wrapped.segments[0].boxes.first == BoxInput(frameIndex: 10, timeSeconds: 1.0 / 3, x: 100, y: 90, width: 110, height: 70))
    }

    @Test func frameRateIsRequired() {
        #expect(importErrorText(Self.valid.appendingPathComponent("frames.json"), options: ImportOptions(defaultSourceName: "f")) ==
            "frames.json: frame rate unknown: Ultralytics results do not store it; give it with --fps")
    }
}
