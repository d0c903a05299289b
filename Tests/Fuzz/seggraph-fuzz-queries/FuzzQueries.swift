// libFuzzer entry point for what people type (built by `make fuzz`): each input is split at
// its first three newlines into from, to, date and zone, and the rest is tried as a --where
// expression, a `--then` sequence, a `--with` edge predicate and a `--zone` reference, then
// every window is resolved and a query run against a small real store. Any answer or
// StoreError is fine; a crash, a hang or an ASan report is a finding.
import Foundation
import SegGraph

/// A store with a few segments, created once per fuzzing process.
let store: Store = {
    let directory = NSTemporaryDirectory() + "seggraph-fuzz-queries-\(getpid())"
    try? FileManager.default.removeItem(atPath: directory)
    let document = directory + ".json"
    let json = """
        {"source": {"id": "cam", "start_time": "2026-11-20T14:00:00+01:00", "timezone": "Europe/Berlin"}, "segments": [
          {"segment_id": "a", "label": "person", "start_time_sec": 1, "end_time_sec": 5,
           "bounding_boxes": [{"frame": 10, "time_sec": 1, "x": 1, "y": 2, "w": 30, "h": 60}], "attributes": {"track_id": "t1"}},
          {"segment_id": "b", "label": "bag", "start_time_sec": 2, "end_time_sec": 4,
           "bounding_boxes": [{"frame": 20, "time_sec": 2, "x": 5, "y": 20, "w": 10, "h": 10}]}]}
        """
    FileManager.default.createFile(atPath: document, contents: Data(json.utf8))
    let created = try! Store.create(at: directory)
    _ = try! created.importFile(ImportRequest(path: document))
    return created
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var parts = text.split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
    while parts.count < 5 { parts.append("") }
    let optional = { (part: String) in part.isEmpty ? nil : part }
    var filter = SegmentFilter()
    if let window = try? TimeWindowSpec(from: optional(parts[0]), to: optional(parts[1]), date: optional(parts[2]),
                                        timeZone: optional(parts[3])) {
        filter.window = window
        _ = try? store.run(SegmentsQuery(filter: filter))
        _ = try? store.run(TraceQuery(seed: .segment("cam/a"), window: window))
    }
    if let last = try? TimeWindowSpec(last: optional(parts[0])) {
        filter.window = last
        _ = try? store.run(SegmentsQuery(filter: filter))
    }
    let rest = parts[4]
    var query = FindQuery()
    query.filter.whereExpression = rest
    _ = try? store.run(query)
    query = FindQuery()
    if let sequence = try? SequencePredicate(relation: .then, parsing: rest) { query.sequences = [sequence] }
    if let edge = try? EdgePredicate(parsing: rest) { query.with = [edge] }
    if let zone = try? ZoneReference(parsing: rest) { query.zone = zone }
    _ = try? store.run(query)
    return 0
}

// See seggraph-fuzz: SwiftPM's entry point hands over to libFuzzer's driver (FUZZING only).
#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("seggraph_fuzz_queries_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@_cdecl("seggraph_fuzz_queries_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FileHandle.standardError.write(Data("seggraph-fuzz-queries: build and run it with `make fuzz` (libFuzzer)\n".utf8))
    return 2
}
#endif
