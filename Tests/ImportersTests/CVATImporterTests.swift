// Goal: the CVAT for video 1.1 importer follows CVAT's track semantics — keyframe
// interpolation, `outside` ending a span, a visible last keyframe lasting to the task's end,
// shapes reduced to boxes — and keeps occlusion and (mutable) attributes as documented.
// Method: a hand-written export (Fixtures/cvat/valid/street.xml, written from the CVAT 1.1
// XML spec: keyframe-only and every-frame tracks, a polygon, a cuboid) against its golden
// dump, plus targeted checks of interpolated values and options.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct CVATImporterTests {
    static let street = ForeignFixtures.directory("cvat").appendingPathComponent("valid/street.xml")

    func importStreet(fps: Double? = 10) throws -> (ImportReport, RecordingConsumer) {
        try importAny(Self.street, options: ImportOptions(defaultSourceName: "street", framesPerSecond: fps))
    }

    @Test func goldenDump() throws {
        let (report, consumer) = try importStreet()
        #expect(report.format == .cvat)
        #expect(report.warnings == [.skippedShape: 1])
        let golden = Self.street.deletingPathExtension().appendingPathExtension("expected.jsonl")
        #expect(try GoldenDump.matches(GoldenDump.render(consumer), golden: golden))
    }

    @Test func keyframesInterpolateHoldBeforeOutsideAndLastUntilTaskEnd() throws {
        let (_, consumer) = try importStreet()
        #expect(consumer.segments.map(\.externalID) == ["track-0-1", "track-0-2", "track-1", "track-2"])
        let first = consumer.segments[0]
        #expect(first.boxes.map(\.frameIndex) == [0, 1, 2, 3, 4, 5])
        // Frame 2 is half-way between keyframes 0 and 4: corners (120,202)–(162,304).
        #expect(first.boxes[2] == BoxInput(frameIndex: 2, timeSeconds: 0.2, x: 120, y: 202, width: 42, height: 102))
        // Frame 5 holds keyframe 4 because keyframe 6 is outside.
        #expect(first.boxes[5].x == 140 && first.boxes[5].width == 44)
        #expect(consumer.segments[1].boxes.map(\.frameIndex) == [8, 9])
        #expect(first.startSeconds == 0 && first.endSeconds == 0.5)
    }

    @Test func attributesKeepOcclusionAndChanges() throws {
        let (_, consumer) = try importStreet()
        #expect(consumer.segments[0].attributesJSON ==
            #"{"track_id":0,"label_source":"manual","occluded_frames":2,"action":"walking","attribute_changes":{"action":[[0,"walking"],[4,"running"]]}}"#)
        #expect(consumer.segments[2].attributesJSON ==
            #"{"track_id":1,"label_source":"auto","group_id":3,"occluded_frames":0,"color":"red"}"#)
        #expect(consumer.segments[3].attributesJSON ==
            #"{"track_id":2,"label_source":"manual","occluded_frames":0,"action":"standing","cvat_track_id":"visitor-7"}"#)
    }

    @Test func sourceFromTaskAndOverride() throws {
        let (_, consumer) = try importStreet()
        #expect(consumer.sources == [SourceInput(name: "street_cam_3", framesPerSecond: 10, width: 1280, height: 720,
                                                 videoPath: "street.mp4", extraJSON: #"{"cvat_task_id":42}"#)])
        let options = ImportOptions(defaultSourceName: "x", sourceNameOverride: "cam_3", framesPerSecond: 25)
        let (_, renamed) = try importAny(Self.street, options: options)
        #expect(renamed.sources.map(\.name) == ["cam_3"])
    }

    @Test func frameRateIsRequired() {
        #expect(importErrorText(Self.street, options: ImportOptions(defaultSourceName: "street")) ==
            "street.xml: frame rate unknown: CVAT files do not store it; give it with --fps")
    }

    @Test func startFrameAndStepMapToVideoFrames() throws {
        let text = """
        <annotations><version>1.1</version><meta><task><name>t</name><start_frame>100</start_frame>
        <stop_frame>120</stop_frame><frame_filter>step=5</frame_filter></task></meta>
        <track id="1" label="dog"><box frame="0" outside="0" occluded="0" xtl="0" ytl="0" xbr="10" ybr="10"/>
        <box frame="2" outside="1" occluded="0" xtl="0" ytl="0" xbr="10" ybr="10"/></track></annotations>
        """
        let (_, consumer) = try withTemporaryFile(text, name: "t.xml") { url in
            try importAny(url, options: ImportOptions(defaultSourceName: "t", framesPerSecond: 50))
        }
        #expect(consumer.segments.first?.boxes.map(\.frameIndex) == [100, 105])
        #expect(consumer.segments.first?.boxes.map(\.timeSeconds) == [2.0, 2.1])
    }
}
