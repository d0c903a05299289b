// Goal: every error message the native importer produces for bad input is exactly the text
// users see, and stays stable (the text is part of the contract).
// Method: each Fixtures/errors/NAME.json|.jsonl is imported under its own file name and the
// `ImportError.description` is compared with NAME.expected.txt (one line). Adding a case is
// adding two files. Unreadable files, which cannot be fixtures, are tested beside.
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct GoldenErrorTests {
    static let directory = Fixtures.directory.appendingPathComponent("errors")

    static var inputs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected.txt") }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.inputs.count >= 20)
    }

    @Test(arguments: inputs)
    func errorMessage(_ name: String) throws {
        let input = Self.directory.appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        let expectedURL = Self.directory.appendingPathComponent(stem + ".expected.txt")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let error = #expect(throws: ImportError.self) { try importFile(input) }
        #expect(error?.description == expected)
        #expect(error?.file == name)
    }

    @Test func missingFile() {
        let importer = NativeImporter(path: "/nonexistent/dir/cam.json", displayName: "cam.json",
                                      options: ImportOptions(defaultSourceName: "cam"))
        var consumer = RecordingConsumer()
        let error = #expect(throws: ImportError.self) { try importer.run(into: &consumer) }
        #expect(error == ImportError(file: "cam.json", location: nil, reason: "cannot open: No such file or directory"))
    }

    @Test func directoryIsNotAFile() {
        let importer = NativeImporter(path: "/tmp", displayName: "tmp",
                                      options: ImportOptions(defaultSourceName: "tmp"))
        var consumer = RecordingConsumer()
        let error = #expect(throws: ImportError.self) { try importer.run(into: &consumer) }
        #expect(error?.description == "tmp: cannot open: not a regular file")
    }

    /// Segments delivered before the error stay delivered: the importer streams.
    @Test func consumerSeesSegmentsBeforeTheError() throws {
        let input = Self.directory.appendingPathComponent("end_before_start.json")
        let importer = NativeImporter(path: input.path, displayName: "x.json",
                                      options: ImportOptions(defaultSourceName: "x"))
        var consumer = RecordingConsumer()
        #expect(throws: ImportError.self) { try importer.run(into: &consumer) }
        #expect(consumer.events == ["source:x", "segment:seg_1"])
    }
}
