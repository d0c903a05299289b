// Goal: the MOTChallenge importer turns real MOT files into exactly the segments SegGraph's
// own conversions hold (TUD-Campus gt and tracker output), reads seqinfo.ini, splits tracks
// at long gaps, and reports bad rows with file, line and field.
// Method: import ../shared/data/mot/TUD-Campus/*.txt through AnyImporter (format
// detected) and compare field by field with the native import of the converted JSON; small
// hand-written fixtures under Fixtures/mot with golden dumps and golden error texts.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct MOTImporterTests {
    static let valid = ForeignFixtures.directory("mot").appendingPathComponent("valid")
    static let errors = ForeignFixtures.directory("mot").appendingPathComponent("errors")

    /// Compares everything the conversion kept; `idRun` maps the MOT file stem to the run name
    /// the converter used in ids (`test.txt` was converted as `tracker`).
    func expectSameSegments(mot: String, json: String, idRun: (from: String, to: String)? = nil) throws {
        let options = ImportOptions(defaultSourceName: "x", framesPerSecond: 25)
        let (report, consumer) = try importAny(ForeignFixtures.realMOT.appendingPathComponent(mot), options: options)
        let (_, native) = try importFile(Fixtures.realData.appendingPathComponent(json))
        #expect(report.format == .mot)
        #expect(consumer.sources == [SourceInput(name: "TUD-Campus", framesPerSecond: 25)])
        #expect(consumer.segments.count == native.segments.count)
        for (ours, theirs) in zip(consumer.segments, native.segments) {
            var id = ours.externalID
            if let idRun { id = id.replacingOccurrences(of: "-\(idRun.from)-", with: "-\(idRun.to)-") }
            #expect(id == theirs.externalID)
            #expect(ours.type == theirs.type && ours.label == theirs.label)
            #expect(ours.startSeconds == theirs.startSeconds && ours.endSeconds == theirs.endSeconds)
            #expect(ours.boxes == theirs.boxes)
            #expect(ours.confidence == theirs.confidence)
            #expect(ours.trackID == theirs.trackID)
        }
        #expect(report.boxCount == native.segments.reduce(0) { $0 + $1.boxes.count })
    }

    @Test func tudCampusGroundTruthEqualsConversion() throws {
        try expectSameSegments(mot: "gt.txt", json: "tud-campus_gt.json")
    }

    @Test func tudCampusTrackerEqualsConversionButRunName() throws {
        try expectSameSegments(mot: "test.txt", json: "tud-campus_tracker.json", idRun: ("test", "tracker"))
    }

    @Test func seqinfoInParentFolderGivesNameRateAndSize() throws {
        let (report, consumer) = try importAny(Self.valid.appendingPathComponent("SEQ-A/gt/gt.txt"))
        #expect(report.warnings == [.frameGap: 1, .boxOutsideFrame: 1])
        #expect(try GoldenDump.matches(GoldenDump.render(consumer), golden: Self.valid.appendingPathComponent("SEQ-A.expected.jsonl")))
    }

    @Test func flatResultsFileWithFrameRateOption() throws {
        let options = ImportOptions(defaultSourceName: "track", framesPerSecond: 30)
        let (_, consumer) = try importAny(Self.valid.appendingPathComponent("results/track.txt"), options: options)
        #expect(try GoldenDump.matches(GoldenDump.render(consumer), golden: Self.valid.appendingPathComponent("results.expected.jsonl")))
    }

    @Test func optionsOverrideSeqinfoAndGapLimit() throws {
        let options = ImportOptions(defaultSourceName: "gt", sourceNameOverride: "cam_1", framesPerSecond: 20,
                                    trackGapFramesMax: 0)
        let (_, consumer) = try importAny(Self.valid.appendingPathComponent("SEQ-A/gt/gt.txt"), options: options)
        #expect(consumer.sources.map(\.name) == ["cam_1"])
        #expect(consumer.sources.first?.framesPerSecond == 20)
        #expect(consumer.segments.map(\.externalID) == [
            "SEQ-A-gt-0001", "SEQ-A-gt-0002-1", "SEQ-A-gt-0002-2", "SEQ-A-gt-0007", "SEQ-A-gt-0002-3",
        ])
        #expect(consumer.segments[2].startSeconds == 3.0 / 20)
    }

    @Test func missingFrameRateIsExplained() throws {
        let url = Self.valid.appendingPathComponent("results/track.txt")
        #expect(importErrorText(url, options: ImportOptions(defaultSourceName: "track")) ==
            "track.txt: frame rate unknown: no seqinfo.ini with frameRate beside the file or in its parent folder; give it with --fps")
    }

    @Test func badSeqinfoNamesTheIniFile() throws {
        let text = "1,1,10,20,30,40,1,-1,-1,-1\n"
        try withTemporaryFile(text, name: "gt.txt") { url in
            let ini = url.deletingLastPathComponent().appendingPathComponent("seqinfo.ini")
            try Data("[Sequence]\nname=S\nframeRate=fast\n".utf8).write(to: ini)
            #expect(importErrorText(url, options: ImportOptions(defaultSourceName: "gt")) ==
                "seqinfo.ini: line 3, frameRate: expected a positive number, found \"fast\"")
        }
    }

    static var errorInputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: errors.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected.txt") }.sorted()
    }

    @Test(arguments: errorInputs)
    func goldenError(_ name: String) throws {
        let stem = (name as NSString).deletingPathExtension
        let expected = try String(contentsOf: Self.errors.appendingPathComponent(stem + ".expected.txt"), encoding: .utf8)
        let options = ImportOptions(format: .mot, defaultSourceName: stem, framesPerSecond: 25)
        #expect(importErrorText(Self.errors.appendingPathComponent(name), options: options) + "\n" == expected)
    }
}
