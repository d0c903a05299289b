// Goal: the COCO-VID family importer reads the three layouts met in practice — mmtracking
// CocoVID (`frame_id`, `instance_id`), TAO (`frame_index`, `track_id`, sparse frames) and
// YouTube-VIS (`bboxes` per frame with nulls) — into one source per video and one segment per
// track, with the documented names, times, gaps and confidences.
// Method: hand-written fixtures in each layout's real field names (Fixtures/coco-vid/valid)
// against golden dumps, plus targeted checks of options and the frame-rate rule.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct COCOVIDImporterTests {
    static let valid = ForeignFixtures.directory("coco-vid").appendingPathComponent("valid")

    @Test(arguments: [("cocovid", nil), ("tao", 30.0), ("ytvis", 6.0)] as [(String, Double?)])
    func goldenDump(_ name: String, fps: Double?) throws {
        let url = Self.valid.appendingPathComponent(name + ".json")
        let (report, consumer) = try importAny(url, options: ImportOptions(defaultSourceName: name, framesPerSecond: fps))
        #expect(report.format == .cocoVid)
        let golden = Self.valid.appendingPathComponent(name + ".expected.jsonl")
        #expect(try GoldenDump.matches(GoldenDump.render(consumer), golden: golden))
    }

    @Test func cocoVidGroupsByInstanceAndSplitsAtGaps() throws {
        let (_, consumer) = try importAny(Self.valid.appendingPathComponent("cocovid.json"))
        #expect(consumer.events == ["source:MOT17-02-FRCNN", "segment:track-5-1", "segment:track-2", "segment:track-5-2",
                                    "source:cam_empty"])
        let first = consumer.segments[0]
        #expect(first.boxes.map(\.frameIndex) == [0, 1] && first.endSeconds == 0.1)
        #expect(abs(first.confidence! - 0.85) < 1e-12)
        #expect(consumer.segments[1].attributesJSON == #"{"track_id":2,"category_id":2,"iscrowd":1}"#)
        #expect(consumer.sources[1] == SourceInput(name: "cam_empty"))
    }

    @Test func youTubeVISNamesVideoByFolderAndSkipsNulls() throws {
        let options = ImportOptions(defaultSourceName: "y", framesPerSecond: 6)
        let (_, consumer) = try importAny(Self.valid.appendingPathComponent("ytvis.json"), options: options)
        #expect(consumer.sources.map(\.name) == ["0043f083b5"])
        let duck = try #require(consumer.segments.first { $0.label == "duck" })
        #expect(duck.boxes.map(\.frameIndex) == [1, 2, 4])
        #expect(duck.confidence == nil)
        #expect(consumer.segments.first { $0.label == "person" }?.confidence == 0.25)
    }

    @Test func frameRateRequiredForVideosWithTracks() {
        let url = Self.valid.appendingPathComponent("tao.json")
        #expect(importErrorText(url, options: ImportOptions(defaultSourceName: "tao")) ==
            "tao.json: $.videos[0]: frame rate unknown for video 7: no \"fps\"; give it with --fps")
    }

    @Test func sourceOverrideNeedsOneVideo() {
        let url = Self.valid.appendingPathComponent("cocovid.json")
        let options = ImportOptions(defaultSourceName: "c", sourceNameOverride: "cam")
        #expect(importErrorText(url, options: options) == "cocovid.json: --source names one source but the file has 2 videos")
    }
}
