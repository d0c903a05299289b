// Random window queries against a read-only store, each timed in-process with
// clock_gettime(CLOCK_MONOTONIC). Windows are drawn uniformly inside the chosen
// source's extent (or the union of all extents) with a fixed-seed generator, so the
// same store and seed run the same queries.
import Foundation
import Glibc
import SegGraph

struct WindowQueryOptions {
    var storePath = ""
    var count = 2000
    var seed: UInt64 = 1
    var json = false
}

struct Scenario {
    var name: String
    var windowSeconds: Int64
    var oneSource: Bool
}

struct WindowQueryBenchmark {
    let options: WindowQueryOptions
    static let scenarios = [
        Scenario(name: "60 s window, one source", windowSeconds: 60, oneSource: true),
        Scenario(name: "60 s window, all sources", windowSeconds: 60, oneSource: false),
        Scenario(name: "10 min window, one source", windowSeconds: 600, oneSource: true),
    ]
    /// Untimed queries per scenario before the timed ones (page cache, allocator).
    static let warmupMax = 200

    func run() throws -> WindowQueryReport {
        let openStart = monotonicNanoseconds()
        let store = try Store.open(at: options.storePath, readOnly: true)
        let openNanoseconds = monotonicNanoseconds() - openStart
        let summaryStart = monotonicNanoseconds()
        let summaries = try store.run(SourcesQuery()).summaries.filter { $0.segmentCount > 0 && $0.extent != nil }
        let summaryNanoseconds = monotonicNanoseconds() - summaryStart
        guard !summaries.isEmpty else { throw BenchError("\(options.storePath): the store holds no segments") }
        let stats = try store.run(StatsQuery())
        let union = TimeSpan(startNanoseconds: summaries.map { $0.extent!.startNanoseconds }.min()!,
                             endNanoseconds: summaries.map { $0.extent!.endNanoseconds }.max()!)!

        var results: [ScenarioResult] = []
        for (number, scenario) in Self.scenarios.enumerated() {
            var random = SplitMix64(seed: options.seed &+ UInt64(number))
            func nextFilter() throws -> SegmentFilter {
                var filter = SegmentFilter()
                filter.limit = Limits.queryResultsMax
                var extent = union
                if scenario.oneSource {
                    let summary = summaries[Int(random.next() % UInt64(summaries.count))]
                    extent = summary.extent!
                    filter.sources = [summary.source.name]
                }
                let width = scenario.windowSeconds * Nanoseconds.perSecond
                let room = max(0, extent.durationNanoseconds - width)
                let start = extent.startNanoseconds + Int64(random.next() % UInt64(room + 1))
                // Exact nanosecond bounds as ISO-8601 in UTC: the same instants on any clock.
                filter.window = try TimeWindowSpec(from: Self.iso(start), to: Self.iso(start + width))
                return filter
            }
            for _ in 0..<min(Self.warmupMax, options.count) { _ = try store.run(SegmentsQuery(filter: nextFilter())) }
            var latencies: [Int64] = []
            latencies.reserveCapacity(options.count)
            var hits = 0
            for _ in 0..<options.count {
                let query = SegmentsQuery(filter: try nextFilter())
                let start = monotonicNanoseconds()
                let found = try store.run(query)
                latencies.append(monotonicNanoseconds() - start)
                hits += found.hits.count
            }
            results.append(ScenarioResult(name: scenario.name, latenciesNanoseconds: latencies,
                                          meanHits: Double(hits) / Double(options.count)))
        }
        return WindowQueryReport(storePath: options.storePath, seed: options.seed, count: options.count,
                                 warmup: min(Self.warmupMax, options.count), sourceCount: summaries.count,
                                 segmentCount: stats.segmentCount, boxCount: stats.boxCount,
                                 spanSeconds: Double(union.durationNanoseconds) / 1e9,
                                 openMicroseconds: Double(openNanoseconds) / 1e3,
                                 sourceSummariesMicroseconds: Double(summaryNanoseconds) / 1e3,
                                 scenarios: results)
    }
}

extension WindowQueryBenchmark {
    static let utc = TimeZone(identifier: "UTC")!

    static func iso(_ nanoseconds: Int64) -> String { TimeDisplay.format(utcNanoseconds: nanoseconds, zone: utc) }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func monotonicNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
