// Graph traversals timed one by one in-process (clock_gettime(CLOCK_MONOTONIC)), each in
// its own snapshot: `Snapshot.neighborIDs(hops: 2)` over all kinds, `ContactsQuery` to 1
// and 2 hops (seed named `#ID`) and `TraceQuery` over the hour around the seed, from N person segments that have at least one edge,
// drawn with a fixed-seed generator. The chosen seeds and each seed's result sizes can be
// written to a CSV so peers run the same queries and check they get the same sizes.
import Foundation
import SegGraph

struct GraphQueryOptions {
    var storePath = ""
    var count = 1000
    var seed: UInt64 = 1
    var json = false
    var seedsOut: String?
}

struct GraphQueryBenchmark {
    let options: GraphQueryOptions
    /// Untimed passes over the seeds before the timed one (page cache, allocator).
    static let warmupPasses = 1

    func run() throws -> GraphQueryReport {
        let store = try Store.open(at: options.storePath, readOnly: true)
        var filter = SegmentFilter()
        filter.labels = ["person"]
        filter.limit = Limits.queryResultsMax
        let people = try store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.id)
        guard !people.isEmpty else { throw BenchError("\(options.storePath): no person segments") }
        let seeds = try pickSeeds(people, store: store)

        typealias Query = (name: String, run: (SegmentID) throws -> Int)
        let queries: [Query] = [
            ("neighborIDs, all kinds, 2 hops", { id in try store.read { try $0.neighborIDs(of: id, kinds: [], hops: 2).count } }),
            ("contacts, 1 hop", { try store.run(ContactsQuery(segment: $0.description, hops: 1, closeSecondsMin: 0)).contacts.count }),
            ("contacts, 2 hops", { try store.run(ContactsQuery(segment: $0.description, hops: 2, closeSecondsMin: 0)).contacts.count }),
            ("trace, 1 h around the seed", { id in
                let start = try store.read { try $0.requireHit(id).segment.span.startNanoseconds }
                let utc = TimeZone(identifier: "UTC")!
                let window = try TimeWindowSpec(from: TimeDisplay.format(utcNanoseconds: start - 1_800_000_000_000, zone: utc),
                                                to: TimeDisplay.format(utcNanoseconds: start + 1_800_000_000_000, zone: utc))
                return try store.run(TraceQuery(seed: .segment(id.description), window: window)).visits.count
            }),
            // What one HTTP request does minus HTTP: the server's query and its JSON bytes.
            ("show + JSON (GET /v1/segments/{id})", { id in
                try store.run(ShowQuery(segment: id.description, boxesShown: 0)).answer.json.utf8.count
            }),
            ("trace, 1 h + JSON (GET /v1/trace)", { id in
                let start = try store.read { try $0.requireHit(id).segment.span.startNanoseconds }
                let utc = TimeZone(identifier: "UTC")!
                let window = try TimeWindowSpec(from: TimeDisplay.format(utcNanoseconds: start - 1_800_000_000_000, zone: utc),
                                                to: TimeDisplay.format(utcNanoseconds: start + 1_800_000_000_000, zone: utc))
                return try store.run(TraceQuery(seed: .segment(id.description), window: window)).answer.json.utf8.count
            }),
            // The naive journey the trace improves on, as the SQL and Cypher peers run it.
            ("journey: next/same_as closure, 1 h", { id in
                try store.read { snapshot in
                    let start = try snapshot.requireHit(id).segment.span.startNanoseconds
                    let window = TimeSpan(startNanoseconds: start - 1_800_000_000_000, endNanoseconds: start + 1_800_000_000_000)!
                    return try snapshot.identity(of: id).filter { try snapshot.segment($0)?.span.overlaps(window) == true }.count
                }
            }),
        ]
        var results: [ScenarioResult] = []
        var sizes = Array(repeating: [Int](), count: seeds.count)
        for query in queries {
            for _ in 0..<Self.warmupPasses { for seed in seeds { _ = try query.run(seed) } }
            var latencies: [Int64] = []
            latencies.reserveCapacity(seeds.count)
            var total = 0
            for (number, seed) in seeds.enumerated() {
                let start = monotonicNanoseconds()
                let size = try query.run(seed)
                latencies.append(monotonicNanoseconds() - start)
                total += size
                sizes[number].append(size)
            }
            results.append(ScenarioResult(name: query.name, latenciesNanoseconds: latencies,
                                          meanHits: Double(total) / Double(seeds.count)))
        }
        if let path = options.seedsOut {
            var text = "id,neighbors2,contacts1,contacts2,trace_visits,closure1h\n"
            for (number, seed) in seeds.enumerated() {
                text += "\(seed.rawValue),\(sizes[number].map(String.init).joined(separator: ","))\n"
            }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return GraphQueryReport(storePath: options.storePath, seed: options.seed, count: seeds.count,
                                personSegments: people.count, scenarios: results)
    }

    /// The first `count` person segments with at least one edge, in a seeded shuffle.
    private func pickSeeds(_ people: [SegmentID], store: Store) throws -> [SegmentID] {
        var order = people.sorted()
        var random = SplitMix64(seed: options.seed)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        let seeds = try store.read { snapshot in
            var seeds: [SegmentID] = []
            for id in order where seeds.count < options.count {
                if try !snapshot.edgeEnds(of: id).isEmpty { seeds.append(id) }
            }
            return seeds
        }
        guard !seeds.isEmpty else { throw BenchError("\(options.storePath): no person segment has an edge") }
        return seeds
    }
}

struct GraphQueryReport {
    var storePath: String
    var seed: UInt64
    var count: Int
    var personSegments: Int
    var scenarios: [ScenarioResult]

    func table() -> String {
        var lines = [
            "store \(storePath): \(personSegments) person segments; \(count) seeds with ≥ 1 edge, seed \(seed), "
                + "\(GraphQueryBenchmark.warmupPasses) untimed pass before each timed one",
            "",
        ]
        let header = ["query", "p50 µs", "p90 µs", "p99 µs", "max µs", "mean µs", "mean size"]
        var rows = [header]
        for s in scenarios {
            rows.append([s.name, format(s.percentile(50), 1), format(s.percentile(90), 1), format(s.percentile(99), 1),
                         format(s.percentile(100), 1), format(s.meanMicroseconds, 1), format(s.meanHits, 1)])
        }
        lines += alignedRows(rows)
        return lines.joined(separator: "\n")
    }

    func jsonText() -> String {
        let object: [String: Any] = [
            "benchmark": "graph-queries", "store": storePath, "seed": seed, "count": count,
            "person_segments": personSegments, "warmup_passes": GraphQueryBenchmark.warmupPasses,
            "scenarios": scenarios.map { s -> [String: Any] in
                ["name": s.name, "p50_us": s.percentile(50), "p90_us": s.percentile(90), "p99_us": s.percentile(99),
                 "max_us": s.percentile(100), "mean_us": s.meanMicroseconds, "mean_size": s.meanHits]
            },
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Left-aligned first column, right-aligned others.
func alignedRows(_ rows: [[String]]) -> [String] {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
    return rows.map { row in
        row.enumerated().map { column, cell in
            column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
        }.joined(separator: "  ")
    }
}
