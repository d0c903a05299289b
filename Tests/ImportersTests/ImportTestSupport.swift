// Goal: shared helpers for the importer tests — a consumer that records everything, and
// helpers to import a fixture file or an inline text written to a temporary file.
// Method: plain functions; no TestSupport dependency (that target pulls in the store).
import Foundation
import Importers
import SegGraphModel
import TestSupport

/// Records every call in order.
struct RecordingConsumer: SegmentConsumer {
    var sources: [SourceInput] = []
    var segments: [SegmentInput] = []
    /// Source names in call order interleaved with segment ids, to check ordering.
    var events: [String] = []

    mutating func consume(source: SourceInput) throws {
        sources.append(source)
        events.append("source:" + source.name)
    }

    mutating func consume(segment: SegmentInput) throws {
        segments.append(segment)
        events.append("segment:" + segment.externalID)
    }
}

enum Fixtures {
    /// `Tests/ImportersTests/Fixtures`, found from this file's path (no bundle resources).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let realData = URL(fileURLWithPath: TestPaths.sharedData + "/segments")
}

/// Imports the file at `url`, naming it by its last path component.
func importFile(_ url: URL, options: ImportOptions? = nil) throws -> (ImportReport, RecordingConsumer) {
    let name = url.lastPathComponent
    let stem = url.deletingPathExtension().lastPathComponent
    let importer = NativeImporter(path: url.path, displayName: name,
                                  options: options ?? ImportOptions(defaultSourceName: stem))
    var consumer = RecordingConsumer()
    let report = try importer.run(into: &consumer)
    return (report, consumer)
}

/// Writes `text` to a fresh temporary file called `name` and imports it.
func importText(_ text: String, name: String = "input.json",
                options: ImportOptions? = nil) throws -> (ImportReport, RecordingConsumer) {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("seggraph-importer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return try importFile(url, options: options)
}

/// The one-line message of the `ImportError` thrown by importing `text`, or nil.
func importErrorMessage(_ text: String, name: String = "input.json") -> String? {
    do {
        _ = try importText(text, name: name)
        return nil
    } catch let error as ImportError {
        return error.description
    } catch {
        return "unexpected error \(error)"
    }
}
