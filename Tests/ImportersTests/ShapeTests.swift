// Goal: the three accepted shapes (document, bare array, JSON Lines) deliver the right
// sources, in the right order relative to segments, with the right names and locations;
// format detection and forcing behave as documented.
// Method: import the valid fixtures and small inline texts with a recording consumer.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct ShapeTests {
    static let valid = Fixtures.directory.appendingPathComponent("valid")

    @Test func documentSourceComesFirst() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("document.json"))
        #expect(report.format == .document)
        #expect(consumer.events == ["source:cam_03", "segment:seg_1", "segment:2"])
        let source = try #require(consumer.sources.first)
        #expect(source.startTime == WallClockTime(utcNanoseconds: 1_795_179_600_500_000_000, offsetSeconds: 3600))
        #expect(source.framesPerSecond == 25 && source.width == 640 && source.height == 480)
        #expect(source.videoPath == "videos/cam_03.mp4" && source.timeZoneIdentifier == "Europe/Berlin")
        #expect(source.position == SitePosition(x: 12.5, y: -3))
        #expect(source.adjacentSourceNames == ["cam_02", "cam_04"])
        #expect(source.zones == [Zone(name: "door", polygon: [.init(x: 0, y: 0), .init(x: 100, y: 0), .init(x: 100, y: 50)])])
        #expect(source.embeddingModel == "osnet_x1_0@1.2")
        #expect(source.extraJSON == #"{"operator":{"name": "site A"}}"#)
        #expect(consumer.segments.map(\.location.jsonPath) == ["$.segments[0]", "$.segments[1]"])
        #expect(consumer.segments.allSatisfy { $0.sourceName == nil })
    }

    @Test func segmentsBeforeSourceStillDeliverSourceFirst() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("segments_first.json"))
        #expect(report.format == .document)
        #expect(consumer.events == ["source:cam_09", "segment:a", "segment:b"])
        #expect(consumer.sources.first?.zones.first?.polygon.count == 3)
        #expect(report.embeddingCount == 1)
    }

    @Test func bareArrayUsesDefaultSourceName() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("array.json"))
        #expect(report.format == .array)
        #expect(consumer.sources == [SourceInput(name: "array")])
        #expect(consumer.segments.map(\.location) == [InputLocation(jsonPath: "$[0]"), InputLocation(jsonPath: "$[1]")])
    }

    @Test func overrideRenamesEverySource() throws {
        let options = ImportOptions(defaultSourceName: "stem", sourceNameOverride: "cam_x")
        let (_, document) = try importFile(Self.valid.appendingPathComponent("document.json"), options: options)
        #expect(document.sources.map(\.name) == ["cam_x"])
        let (_, array) = try importFile(Self.valid.appendingPathComponent("array.json"), options: options)
        #expect(array.sources.map(\.name) == ["cam_x"])
        let text = """
            {"source": {"id": "cam_1", "fps": 5}, "segment_id": "a", "label": "p", "start_time_sec": 0, "end_time_sec": 0}
            {"source": "cam_2", "segment_id": "b", "label": "p", "start_time_sec": 0, "end_time_sec": 0}
            """
        let (_, lines) = try importText(text, name: "r.jsonl", options: options)
        #expect(lines.sources == [SourceInput(name: "cam_x", framesPerSecond: 5)])
        #expect(lines.segments.allSatisfy { $0.sourceName == "cam_x" })
        // One source under the override: the same id twice is now a duplicate.
        #expect(throws: ImportError.self) {
            try importFile(Self.valid.appendingPathComponent("records.jsonl"), options: options)
        }
    }

    @Test func jsonLinesSourcesAppearOnFirstUse() throws {
        let (report, consumer) = try importFile(Self.valid.appendingPathComponent("records.jsonl"))
        #expect(report.format == .jsonLines)
        #expect(consumer.events == ["source:cam_01", "segment:a", "source:cam_02", "segment:a",
                                    "segment:b", "source:records", "segment:c"])
        #expect(consumer.sources[1].framesPerSecond == 10 && consumer.sources[1].width == 100)
        #expect(consumer.segments.map(\.sourceName) == ["cam_01", "cam_02", "cam_01", "records"])
        #expect(consumer.segments.map(\.location) == [1, 3, 4, 5].map { InputLocation(line: $0, jsonPath: "$") })
        #expect(consumer.segments[2].attributesJSON == #"{"extra":[1, 2]}"#)
        #expect(report.warnings == [.boxOutsideFrame: 1])
    }

    @Test func jsonLinesDetectedWithoutExtension() throws {
        let text = """
            {"segment_id": "a", "label": "p", "start_time_sec": 1, "end_time_sec": 2}
            {"segment_id": "b", "label": "p", "start_time_sec": 1, "end_time_sec": 2}
            """
        let (report, consumer) = try importText(text, name: "records.txt")
        #expect(report.format == .jsonLines)
        #expect(consumer.segments.count == 2)
    }

    @Test(arguments: [
        ("[]", "a.json", InputFormat?.some(.array)),
        ("\u{FEFF}  \n{\"source\": {\"id\": \"c\"}, \"segments\": []}", "a.json", .document),
        ("{\"segment_id\": \"a\"}", "a.json", .jsonLines),
        ("{\"anything\": 1}", "a.ndjson", .jsonLines),
        ("{\"anything\": 1}", "a.json", .document),
        ("{\"a\": 1}\n{\"b\": 2}", "a.json", .jsonLines),
        ("nope", "a.json", nil),
        ("   ", "a.json", nil),
    ])
    func detection(_ text: String, _ name: String, _ expected: InputFormat?) {
        let bytes = Array(text.utf8)
        let detected = bytes.withUnsafeBytes { NativeImporter.detectFormat(bytes: $0, fileName: name) }
        #expect(detected == expected)
    }

    @Test func forcedFormatWins() {
        let options = ImportOptions(format: .array, defaultSourceName: "d")
        #expect(throws: ImportError(file: "document.json", location: InputLocation(jsonPath: "$"),
                                    reason: "expected an array, found an object")) {
            try importFile(Self.valid.appendingPathComponent("document.json"), options: options)
        }
    }

    @Test func emptyArrayStillNamesTheSource() throws {
        let (report, consumer) = try importText("[ ]", name: "cam_7.json")
        #expect(report.segmentCount == 0)
        #expect(consumer.sources.map(\.name) == ["cam_7"])
    }
}
