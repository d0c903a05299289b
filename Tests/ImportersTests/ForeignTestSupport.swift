// Goal: helpers shared by the foreign-format tests (MOT, CVAT, COCO-VID, Ultralytics):
// import through the `AnyImporter` entry point, and locate fixtures and the real data.
// Method: plain functions over temporary files; no store involved.
import Foundation
import Importers
import SegGraphModel
import TestSupport

enum ForeignFixtures {
    static func directory(_ format: String) -> URL {
        Fixtures.directory.appendingPathComponent(format)
    }
    static let realMOT = URL(fileURLWithPath: TestPaths.sharedData + "/mot/TUD-Campus")
}

/// Imports `url` through `AnyImporter`, naming it by its last path component.
func importAny(_ url: URL, options: ImportOptions? = nil) throws -> (ImportReport, RecordingConsumer) {
    let stem = url.deletingPathExtension().lastPathComponent
    let importer = AnyImporter(path: url.path, displayName: url.lastPathComponent,
                               options: options ?? ImportOptions(defaultSourceName: stem))
    var consumer = RecordingConsumer()
    let report = try importer.run(into: &consumer)
    return (report, consumer)
}

/// Writes `text` to `name` inside a fresh temporary folder and runs `body` on its URL.
func withTemporaryFile<R>(_ text: String, name: String, body: (URL) throws -> R) throws -> R {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("seggraph-foreign-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return try body(url)
}

/// The `ImportError` text of importing `url`, or a note that something else happened.
func importErrorText(_ url: URL, options: ImportOptions) -> String {
    do {
        _ = try importAny(url, options: options)
        return "no error"
    } catch let error as ImportError {
        return error.description
    } catch {
        return "unexpected error \(error)"
    }
}
