// vector-bench: builds an HNSWIndex over the vectors of benchmarks/peers/hnswlib_bench.py
// and prints the same JSON as the hnswlib side (build seconds, recall@10 and QPS per ef,
// index bytes), so run_vector_bench.sh can put both in one table.
//
// Usage: vector-bench --prefix DIR/clustered-100000x128 [--limit N] [--M 16]
//        [--ef-construction 200] [--ef 10 20 40 80 160] [--repeats 3]
import Foundation
import VectorIndex

struct Options {
    var prefix = ""
    var limit = 0
    var connectivity = 16
    var expansionAdd = 200
    var expansions = [10, 20, 40, 80, 160]
    var repeats = 3

    init(arguments: [String]) {
        var index = 1
        func value() -> String {
            index += 1
            guard index < arguments.count else { fatalError("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--prefix": prefix = value()
            case "--limit": limit = Int(value())!
            case "--M": connectivity = Int(value())!
            case "--ef-construction": expansionAdd = Int(value())!
            case "--repeats": repeats = Int(value())!
            case "--ef":
                expansions = []
                while index + 1 < arguments.count, let ef = Int(arguments[index + 1]) {
                    expansions.append(ef)
                    index += 1
                }
            default: fatalError("unknown argument \(arguments[index])")
            }
            index += 1
        }
        precondition(!prefix.isEmpty, "--prefix is required")
    }
}

/// CPU seconds used by this process: unlike wall time, not inflated while other processes
/// on the shared 2-core machine hold the CPU.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func recallAt10(found: [[UInt32]], truth: [[Int32]]) -> Double {
    var hits = 0
    for (ids, expected) in zip(found, truth) {
        let wanted = Set(expected.prefix(10).map { UInt32($0) })
        hits += ids.prefix(10).filter { wanted.contains($0) }.count
    }
    return Double(hits) / Double(truth.count * 10)
}

let options = Options(arguments: CommandLine.arguments)
let base = try loadNumpy(options.prefix + "-base.npy", descr: "<f4", as: Float.self)
let queries = try loadNumpy(options.prefix + "-queries.npy", descr: "<f4", as: Float.self)
let count = options.limit > 0 ? min(options.limit, base.rows) : base.rows
var truth = try loadNumpy(options.prefix + "-truth.npy", descr: "<i4", as: Int32.self)
let queryVectors = (0..<queries.rows).map { Array(queries.row($0)) }
var truthRows = (0..<truth.rows).map { Array(truth.row($0)) }
if count < base.rows {
    // A subset needs its own ground truth: exact search over the first `count` vectors.
    var exact = BruteForceIndex(dimension: base.columns, metric: .cosine)
    for row in 0..<count { exact.add(Array(base.row(row))) }
    truthRows = queryVectors.map { exact.search($0, k: 10).map { Int32($0.id) } }
}

let parameters = HNSWParameters(connectivity: options.connectivity, expansionAdd: options.expansionAdd)
let index = HNSWIndex(dimension: base.columns, metric: .cosine, parameters: parameters, capacity: count)
let rowsToAdd = (0..<count).map { Array(base.row($0)) }
let clock = ContinuousClock()
let buildCPUStart = cpuSeconds()
let buildTime = clock.measure {
    for vector in rowsToAdd { index.add(vector) }
}
let buildCPU = cpuSeconds() - buildCPUStart

var rows: [[String: Any]] = []
for ef in options.expansions {
    var found: [[UInt32]] = []
    var best = Double.infinity
    var bestCPU = Double.infinity
    index.resetCounters()
    for _ in 0..<options.repeats {
        var round: [[UInt32]] = []
        round.reserveCapacity(queryVectors.count)
        let cpuStart = cpuSeconds()
        let elapsed = clock.measure {
            for query in queryVectors {
                round.append(index.search(query, k: 10, expansionSearch: ef).map(\.id))
            }
        }
        best = min(best, seconds(elapsed))
        bestCPU = min(bestCPU, cpuSeconds() - cpuStart)
        found = round
    }
    let searches = Double(index.counters.searchCount)
    rows.append([
        "ef": ef, "recall10": recallAt10(found: found, truth: truthRows),
        "qps": Double(queryVectors.count) / best,
        "qps_cpu": Double(queryVectors.count) / bestCPU,
        "distances_per_query": Double(index.counters.distanceCount) / searches,
        "visited_per_query": Double(index.counters.visitedCount) / searches,
    ])
}
let report = index.checkInvariants()
let result: [String: Any] = [
    "engine": "SegGraph VectorIndex", "n": count, "dim": base.columns, "queries": queryVectors.count,
    "build_s": seconds(buildTime), "build_cpu_s": buildCPU, "index_bytes": index.storage.byteCount, "rows": rows,
    "invariant_violations": report.violations.count, "unreachable": report.unreachable.count,
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
