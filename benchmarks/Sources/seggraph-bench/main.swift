// seggraph-bench: in-process store benchmarks. Argument parsing by hand: this target
// depends on SegGraph only.
//
//   seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]
//   seggraph-bench graph-queries --store DIR [--count N] [--seed S] [--seeds-out FILE] [--json]
//   seggraph-bench export-graph --store DIR --out DIR
//   seggraph-bench vector-queries --store DIR --queries FILE.npy [--k 10] [--ef 16,32,...] [--truth FILE.npy] [--json]
//   seggraph-bench dump-vectors --store DIR --out FILE.npy --ids FILE.npy
import Foundation

let usage = """
    usage: seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]
           seggraph-bench graph-queries --store DIR [--count N] [--seed S] [--seeds-out FILE] [--json]
           seggraph-bench export-graph --store DIR --out DIR
           seggraph-bench vector-queries --store DIR --queries FILE.npy [--k 10] [--ef 16,32,64,96,128,256]
                                         [--truth FILE.npy] [--json]
           seggraph-bench dump-vectors --store DIR --out FILE.npy --ids FILE.npy

      window-queries  random window queries on a store opened read-only, timed one by one:
                      60 s windows on one source, 60 s windows across all sources,
                      10 min windows on one source; p50/p90/p99/max in µs, mean hits.
      graph-queries   from N random person segments with at least one edge: neighborIDs
                      (all kinds, 2 hops), contacts (1 and 2 hops), trace (1 h), timed one by one;
                      p50/p90/p99/max in µs, mean result sizes.
      export-graph    nodes.csv and edges.csv (each edge once) into DIR, for the peers.
      vector-queries  SimilarQuery (space "default", persisted HNSW) for each float32 query row,
                      one thread, per ef: QPS, p50/p99 µs, recall@k against --truth (int64 rows
                      of internal segment ids).
      dump-vectors    every stored vector of space "default" (float32 n×dim) and its internal
                      segment id (int64 n), as .npy, for the hnswlib peer.
      --count N       queries per scenario / seeds (default 2000 / 1000)
      --seed S        random seed (default 1)
      --seeds-out F   graph-queries: write the seeds and their result sizes as CSV
      --json          print JSON instead of a table
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("seggraph-bench: \(message)\n\n\(usage)\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { fail("no command") }
arguments.removeFirst()
if command == "-h" || command == "--help" { print(usage); exit(0) }
guard ["window-queries", "graph-queries", "export-graph", "vector-queries", "dump-vectors"].contains(command) else { fail("unknown command \(command)") }

var storePath = "", outPath = "", seedsOut: String?
var count: Int?, seed: UInt64 = 1, json = false
var queriesPath = "", truthPath: String?, idsPath = "", vectorK = 10, efs = [16, 32, 64, 96, 128, 256]
var index = 0
@MainActor func value(_ name: String) -> String {
    index += 1
    guard index < arguments.count else { fail("\(name) needs a value") }
    return arguments[index]
}
while index < arguments.count {
    switch arguments[index] {
    case "--store": storePath = value("--store")
    case "--out" where command == "export-graph" || command == "dump-vectors": outPath = value("--out")
    case "--ids" where command == "dump-vectors": idsPath = value("--ids")
    case "--queries" where command == "vector-queries": queriesPath = value("--queries")
    case "--truth" where command == "vector-queries": truthPath = value("--truth")
    case "--k" where command == "vector-queries":
        guard let n = Int(value("--k")), n > 0 else { fail("--k needs a positive integer") }
        vectorK = n
    case "--ef" where command == "vector-queries":
        let list = value("--ef").split(separator: ",").compactMap { Int($0) }
        guard !list.isEmpty, list.allSatisfy({ $0 > 0 }) else { fail("--ef needs positive integers, comma-separated") }
        efs = list
    case "--seeds-out" where command == "graph-queries": seedsOut = value("--seeds-out")
    case "--count" where command == "window-queries" || command == "graph-queries":
        guard let n = Int(value("--count")), n > 0 else { fail("--count needs a positive integer") }
        count = n
    case "--seed" where command == "window-queries" || command == "graph-queries":
        guard let s = UInt64(value("--seed")) else { fail("--seed needs an unsigned integer") }
        seed = s
    case "--json" where command != "export-graph" && command != "dump-vectors": json = true
    case "-h", "--help": print(usage); exit(0)
    default: fail("unknown argument \(arguments[index]) for \(command)")
    }
    index += 1
}
guard !storePath.isEmpty else { fail("--store DIR is required") }

do {
    switch command {
    case "window-queries":
        var options = WindowQueryOptions()
        options.storePath = storePath
        options.count = count ?? options.count
        options.seed = seed
        let report = try WindowQueryBenchmark(options: options).run()
        print(json ? report.jsonText() : report.table())
    case "graph-queries":
        var options = GraphQueryOptions()
        options.storePath = storePath
        options.count = count ?? options.count
        options.seed = seed
        options.seedsOut = seedsOut
        let report = try GraphQueryBenchmark(options: options).run()
        print(json ? report.jsonText() : report.table())
    case "vector-queries":
        guard !queriesPath.isEmpty else { fail("--queries FILE.npy is required") }
        var options = VectorQueryOptions()
        options.storePath = storePath
        options.queriesPath = queriesPath
        options.truthPath = truthPath
        options.k = vectorK
        options.efs = efs
        let rows = try VectorQueryBenchmark(options: options).run()
        print(json ? VectorQueryBenchmark.json(rows) : VectorQueryBenchmark.table(rows))
    case "dump-vectors":
        guard !outPath.isEmpty, !idsPath.isEmpty else { fail("--out FILE.npy and --ids FILE.npy are required") }
        let start = monotonicNanoseconds()
        let written = try VectorDump(storePath: storePath, outPath: outPath, idsPath: idsPath).run()
        print("dumped \(written.count) vectors of dimension \(written.dimension) (\(written.skipped) segments without one) to \(outPath) in "
              + format(Double(monotonicNanoseconds() - start) / 1e9, 2) + " s")
    default:
        guard !outPath.isEmpty else { fail("--out DIR is required") }
        let start = monotonicNanoseconds()
        let written = try GraphExport(storePath: storePath, outPath: outPath).run()
        print("exported \(written.nodes) nodes, \(written.edges) edges to \(outPath) in "
              + format(Double(monotonicNanoseconds() - start) / 1e9, 2) + " s")
    }
} catch {
    FileHandle.standardError.write(Data("seggraph-bench: \(error)\n".utf8))
    exit(1)
}
