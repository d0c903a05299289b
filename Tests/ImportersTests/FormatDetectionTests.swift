// Goal: AnyImporter picks the right importer from content alone for every fixture and the
// real data, leaves native files to the native importer, obeys a forced format, and explains
// unrecognised input.
// Method: `AnyImporter.format()` over fixture files and small inline texts.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct FormatDetectionTests {
    func detect(_ url: URL, format: InputFormat? = nil) throws -> InputFormat? {
        try AnyImporter(path: url.path, displayName: url.lastPathComponent,
                        options: ImportOptions(format: format, defaultSourceName: "x")).format()
    }

    func detect(text: String, name: String = "input") throws -> InputFormat? {
        try withTemporaryFile(text, name: name) { try detect($0) }
    }

    @Test func fixturesAndRealData() throws {
        let expectations: [(String, InputFormat)] = [
            ("mot/valid/SEQ-A/gt/gt.txt", .mot), ("mot/valid/results/track.txt", .mot),
            ("cvat/valid/street.xml", .cvat),
            ("coco-vid/valid/cocovid.json", .cocoVid), ("coco-vid/valid/tao.json", .cocoVid), ("coco-vid/valid/ytvis.json", .cocoVid),
            ("ultralytics/valid/frames.json", .ultralytics), ("ultralytics/valid/lines.jsonl", .ultralytics),
            ("ultralytics/valid/concatenated.json", .ultralytics), ("ultralytics/valid/wrapper.json", .ultralytics),
            ("valid/document.json", .document), ("valid/array.json", .array), ("valid/records.jsonl", .jsonLines),
        ]
        for (path, format) in expectations {
            #expect(try detect(Fixtures.directory.appendingPathComponent(path)) == format, "\(path)")
        }
        #expect(try detect(ForeignFixtures.realMOT.appendingPathComponent("test.txt")) == .mot)
        #expect(try detect(Fixtures.realData.appendingPathComponent("tud-campus_gt.json")) == .array)
        #expect(try detect(Fixtures.realData.appendingPathComponent("vtest_mog2.json")) == .array)
    }

    @Test func boundaryCases() throws {
        #expect(try detect(text: "1,2,3,4,5\n") == nil)  // five fields: not MOT
        #expect(try detect(text: "1,2,3,4,5,6\n") == .mot)
        #expect(try detect(text: "1, 2, 3.5, 4, 5, 6, -1, -1, -1, -1\r\n") == .mot)
        #expect(try detect(text: "<?xml version=\"1.0\"?>\n<!-- c -->\n<annotations>\n</annotations>") == .cvat)
        #expect(try detect(text: "<dataset/>") == nil)
        #expect(try detect(text: "[]") == .array)
        #expect(try detect(text: "[[]]") == .ultralytics)
        #expect(try detect(text: #"[{"segment_id": "a", "name": "x"}]"#) == .array)
        #expect(try detect(text: #"{"annotations": [], "videos": []}"#) == .cocoVid)
        #expect(try detect(text: "{\"frame\": 0, \"detections\": []}\n{\"frame\": 1, \"detections\": []}\n", name: "r.jsonl") == .ultralytics)
        #expect(try detect(text: #"{"source": {"id": "c"}, "segments": [], "videos": []}"#) == .document)
        #expect(try detect(text: "") == nil)
    }

    @Test func forcedFormatWins() throws {
        let url = Fixtures.directory.appendingPathComponent("valid/array.json")
        #expect(try detect(url, format: .ultralytics) == .ultralytics)
    }

    @Test func unknownContentIsExplained() throws {
        let message = try withTemporaryFile("hello\n", name: "notes.txt") { url in
            importErrorText(url, options: ImportOptions(defaultSourceName: "notes"))
        }
        #expect(message == "notes.txt: unknown format: not segment JSON, MOTChallenge text, CVAT XML, COCO-VID or Ultralytics JSON; force one with --format")
        let empty = try withTemporaryFile("", name: "empty.json") { url in
            importErrorText(url, options: ImportOptions(defaultSourceName: "empty"))
        }
        #expect(empty == "empty.json: file is empty")
    }

    @Test func nativeImporterRefusesForeignFormats() {
        let url = Fixtures.directory.appendingPathComponent("valid/array.json")
        let importer = NativeImporter(path: url.path, displayName: "array.json",
                                      options: ImportOptions(format: .mot, defaultSourceName: "a"))
        var consumer = RecordingConsumer()
        let error = #expect(throws: ImportError.self) { try importer.run(into: &consumer) }
        #expect(error?.description == "array.json: format mot is not a native format (use AnyImporter)")
    }

    @Test func rawValuesAreLowercaseHyphenated() {
        #expect(InputFormat.allCases.map(\.rawValue) == ["document", "array", "jsonl", "mot", "cvat", "coco-vid", "ultralytics"])
    }
}
