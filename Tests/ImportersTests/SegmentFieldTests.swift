// Goal: each segment field is read as specified — defaults, nulls, integer ids, integer and
// float coordinates, frame-only and time-only boxes, several embedding spaces, unknown fields
// merged into attributes — and warnings are counted, never fatal.
// Method: import the valid fixtures and small inline arrays; compare with hand-computed values.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct SegmentFieldTests {
    static let valid = Fixtures.directory.appendingPathComponent("valid")

    @Test func documentSegmentsInDetail() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("document.json"))
        let first = consumer.segments[0]
        #expect(first.type == "object_appearance" && first.label == "person")
        #expect(first.boxes == [
            BoxInput(frameIndex: 250, timeSeconds: nil, x: 600, y: 10, width: 60, height: 170),
            BoxInput(frameIndex: 253, timeSeconds: 10.12, x: 10.5, y: 20.25, width: 60, height: 170),
            BoxInput(frameIndex: nil, timeSeconds: 11.0, x: -5, y: 20, width: 60, height: 100),
        ])
        #expect(first.maskPointers == ["masks/seg_1/000250.png"])
        #expect(first.embeddings == ["osnet": [0.1, 0.2, 0.3], "clip": [1, 2]])
        #expect(first.confidence == 0.92)
        #expect(first.trackID == "17")
        // Attributes keep their own "camera"; other unknown top-level fields are appended.
        #expect(first.attributesJSON
            == #"{"track_id":17,"color":"red","camera":"attr wins","reviewed":true,"notes":{"by": "qa"}}"#)
        let second = consumer.segments[1]
        #expect(second.externalID == "2" && second.type == "activity")
        #expect(second.embeddings == ["osnet": [0.4, 0.5, 0.6]])
        #expect(second.confidence == nil && second.trackID == nil && second.attributesJSON == "{}")
        #expect(report.segmentCount == 2 && report.boxCount == 3 && report.embeddingCount == 3)
        // Frame 640 wide: boxes 1 (600+60) and 3 (x -5) stick out; 250 → 253 is a gap;
        // box 3 at 11.0 s is after the segment's end (10.2 s + one frame).
        #expect(report.warnings == [.boxOutsideFrame: 2, .frameGap: 1, .boxOutsideSegmentTime: 1])
    }

    @Test func arrayFixtureValues() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("array.json"))
        let first = consumer.segments[0]
        #expect(first.boxes[1] == BoxInput(frameIndex: 1, timeSeconds: 0.04, x: 1.5, y: 2.5, width: 3.5, height: 4.5))
        #expect(first.embeddings["default"] == [0.25, -0.5, 1e-3, 12345678.9])
        #expect(consumer.segments[1].attributesJSON == #"{"source":"kept in attributes"}"#)
        #expect(report.warnings == [.frameGap: 1, .boxOutsideSegmentTime: 1])
    }

    @Test func nullsAndDefaults() throws {
        let text = """
            [{"segment_id": "a", "label": "p", "start_time_sec": 1, "end_time_sec": 1,
              "confidence": null, "embedding": null, "embeddings": null, "attributes": null,
              "bounding_boxes": null, "mask_pointers": null}]
            """
        let (report, consumer) = try importText(text)
        #expect(consumer.segments == [SegmentInput(externalID: "a", label: "p", startSeconds: 1, endSeconds: 1,
                                                   location: InputLocation(jsonPath: "$[0]"))])
        #expect(report.warnings.isEmpty)
    }

    @Test func integerAndFloatCoordinatesAndTimeOnlyBoxes() throws {
        let text = """
            [{"segment_id": 7, "label": "p", "start_time_sec": 0, "end_time_sec": 2,
              "bounding_boxes": [{"time_sec": 0, "x": 1, "y": 2.0, "w": 3e1, "h": 0.5},
                                 {"time_sec": 2.0005, "x": -1.25, "y": 2E-1, "w": 0, "h": 100}]}]
            """
        let (report, consumer) = try importText(text)
        #expect(consumer.segments[0].externalID == "7")
        #expect(consumer.segments[0].boxes == [
            BoxInput(frameIndex: nil, timeSeconds: 0, x: 1, y: 2, width: 30, height: 0.5),
            BoxInput(frameIndex: nil, timeSeconds: 2.0005, x: -1.25, y: 0.2, width: 0, height: 100),
        ])
        #expect(report.warnings.isEmpty)  // 2.0005 is within the 1 ms tolerance
    }

    @Test func trackIDAsStringAndEscapedText() throws {
        let text = #"[{"segment_id": "caf\u00e9", "label": "p\"q", "start_time_sec": 0, "end_time_sec": 0, "attributes": {"track_id": "t-9"}}]"#
        let (_, consumer) = try importText(text)
        #expect(consumer.segments[0].externalID == "café")
        #expect(consumer.segments[0].label == "p\"q")
        #expect(consumer.segments[0].trackID == "t-9")
    }

    @Test func severalSpacesAndDimensionsPerSpace() throws {
        let text = """
            [{"segment_id": "a", "label": "p", "start_time_sec": 0, "end_time_sec": 0,
              "embedding": [1, 2], "embeddings": {"clip": [1, 2, 3, 4]}},
             {"segment_id": "b", "label": "p", "start_time_sec": 0, "end_time_sec": 0,
              "embeddings": {"clip": [5, 6, 7, 8], "default": [3, 4]}}]
            """
        let (report, consumer) = try importText(text)
        #expect(consumer.segments.map { $0.embeddings.keys.sorted() } == [["clip", "default"], ["clip", "default"]])
        #expect(report.embeddingCount == 4)
    }

    @Test func warningsAreCountedNotFatal() throws {
        let text = """
            {"source": {"id": "c", "width": 100, "height": 50},
             "segments": [{"segment_id": "a", "label": "p", "start_time_sec": 1, "end_time_sec": 2,
               "bounding_boxes": [{"frame": 1, "time_sec": 0.5, "x": 95, "y": 0, "w": 10, "h": 10},
                                  {"frame": 4, "time_sec": 1.5, "x": 0, "y": 45, "w": 10, "h": 10},
                                  {"frame": 9, "time_sec": 2.0009, "x": 0, "y": 0, "w": 100, "h": 50}]}]}
            """
        let (report, consumer) = try importText(text)
        #expect(consumer.segments.count == 1)
        #expect(report.warnings == [.boxOutsideFrame: 2, .frameGap: 2, .boxOutsideSegmentTime: 1])
    }

    @Test func duplicateIDsInDifferentSourcesAreFine() throws {
        let text = """
            {"source": "a", "segment_id": "x", "label": "p", "start_time_sec": 0, "end_time_sec": 0}
            {"source": "b", "segment_id": "x", "label": "p", "start_time_sec": 0, "end_time_sec": 0}
            """
        let (report, _) = try importText(text, name: "two.jsonl")
        #expect(report.segmentCount == 2)
    }
}
