// Shared helpers for engine tests: a fresh store and small generated documents.
import Foundation
import SegGraph
import TestSupport

struct StoreFixture {
    let directory = TemporaryDirectory("store")
    let store: Store

    init() throws {
        store = try Store.create(at: directory.file("store"))
    }

    @discardableResult
    func importFile(_ path: String, source: String? = nil, replace: Bool = false) throws -> ImportOutcome {
        try store.importFile(ImportRequest(path: path, sourceName: source, replace: replace))
    }

    /// Counts that must not change when an import fails.
    func fingerprint() throws -> [Int] {
        let stats = try store.run(StatsQuery())
        return [stats.sourceCount, stats.segmentCount, stats.boxCount, stats.activeImportCount,
                stats.spaces.map(\.vectorCount).reduce(0, +)]
    }
}

/// A segment object in the native format.
func segmentJSON(_ id: String, label: String = "person", start: Double, end: Double, track: String? = nil,
                 embedding: [Float]? = nil, extra: String = "") -> String {
    var fields = [
        "\"segment_id\": \"\(id)\"", "\"type\": \"object_appearance\"", "\"label\": \"\(label)\"",
        "\"start_time_sec\": \(start)", "\"end_time_sec\": \(end)",
        "\"bounding_boxes\": [{\"frame\": \(Int(start * 10)), \"time_sec\": \(start), \"x\": 10, \"y\": 20, \"w\": 30, \"h\": 60}]",
        "\"confidence\": 0.9",
    ]
    if let embedding { fields.append("\"embedding\": [\(embedding.map { "\($0)" }.joined(separator: ","))]") }
    if let track { fields.append("\"attributes\": {\"track_id\": \"\(track)\"}") }
    if !extra.isEmpty { fields.append(extra) }
    return "{" + fields.joined(separator: ", ") + "}"
}

/// A document with a wall-clock source.
func documentJSON(source: String, start: String = "2026-11-20T14:00:00+01:00", segments: [String]) -> String {
    "{\"source\": {\"id\": \"\(source)\", \"start_time\": \"\(start)\", \"timezone\": \"Europe/Berlin\", \"fps\": 10}, \"segments\": [\n"
        + segments.joined(separator: ",\n") + "\n]}"
}
