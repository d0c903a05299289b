// Goal: one Store shared by threads, as the server shares it — readers running every kind of
// query while a writer imports file after file in the same process — never fails and never
// sees half an import; and its per-generation caches (spaces, import ledger, configuration,
// zones) are safe to fill from many threads. `make test-tsan` runs this suite under Thread
// Sanitizer, which reports any data race it exercises. Method: a simulated site; four reader
// threads loop over segments/show/find/similar/trace/neighbors/stats until the writer is done;
// every segment count a reader sees must be the count of a whole-file prefix of the imports.
import Foundation
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite(.serialized) struct StoreThreadsTests {
    @Test func readersOnThreadsDuringImportsSeeOnlyWholeFiles() throws {
        let directory = TemporaryDirectory("store-threads")
        let site = directory.file("site")
        _ = try SiteSimulator(SimulationParameters(cameras: 4, people: 30, hours: 0.15, framesPerSecond: 2,
                                                   embeddingDimension: 16, seed: 31)).write(to: site)
        let files = (0..<4).map { site + "/cam_0\($0).json" }
        let store = try Store.create(at: directory.file("store"))
        _ = try store.importFile(ImportRequest(path: files[0]))
        let seed = try store.run(SegmentsQuery(filter: { var f = SegmentFilter(); f.labels = ["person"]; f.limit = 1; return f }())).hits[0].name

        let sizes = try files.map { file in
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            return (document?["segments"] as? [Any])?.count ?? 0
        }
        let whole = Set((1...4).map { sizes.prefix($0).reduce(0, +) })

        let done = Flag()
        let seen = Recorder()
        let readers = 4
        let group = DispatchGroup()
        for reader in 0..<readers {
            group.enter()
            Thread {
                defer { group.leave() }
                var rounds = 0
                while !done.isSet || rounds < 2 {
                    rounds += 1
                    do {
                        let count = try store.run(StatsQuery()).segmentCount
                        seen.record(count: count)
                        var all = SegmentFilter()
                        all.limit = Limits.queryResultsMax
                        seen.record(count: try store.run(SegmentsQuery(filter: all)).hits.count)
                        // Each reader leans on different caches: spaces and vectors, the
                        // ledger and configuration (trace), edges (neighbors, find).
                        switch (reader + rounds) % 4 {
                        case 0: _ = try store.run(SimilarQuery(seed: .segment(seed), k: 5))
                        case 1: _ = try store.run(TraceQuery(seed: .segment(seed))).answer.json
                        case 2: _ = try store.run(NeighborsQuery(segment: seed, hops: 2)).answer.json
                        default:
                            var find = FindQuery()
                            find.filter.labels = ["person"]
                            find.with = [try EdgePredicate(parsing: "near:person")]
                            _ = try store.run(find).answer.json
                        }
                        _ = try store.run(ShowQuery(segment: seed)).answer.json
                    } catch {
                        seen.record(failure: "\(error)")
                    }
                }
            }.start()
        }
        for file in files.dropFirst() { _ = try store.importFile(ImportRequest(path: file)) }
        done.set()
        group.wait()

        #expect(seen.failures.isEmpty, "\(seen.failures.prefix(3))")
        #expect(!seen.counts.isEmpty)
        #expect(seen.counts.isSubset(of: whole), "counts seen \(seen.counts.sorted()), whole-file states \(whole.sorted())")
        #expect(try store.run(StatsQuery()).segmentCount == sizes.reduce(0, +))
    }
}

/// A flag set once, read from any thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// What the reader threads saw.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seenCounts: Set<Int> = []
    private var seenFailures: [String] = []
    var counts: Set<Int> { lock.withLock { seenCounts } }
    var failures: [String] { lock.withLock { seenFailures } }
    func record(count: Int) { lock.withLock { _ = seenCounts.insert(count) } }
    func record(failure: String) { lock.withLock { seenFailures.append(failure) } }
}
