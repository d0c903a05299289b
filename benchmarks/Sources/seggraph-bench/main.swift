// seggraph-bench: in-process store benchmarks. Argument parsing by hand: this target
// depends on SegGraph only.
//
//   seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]
//   seggraph-bench graph-queries --store DIR [--count N] [--seed S] [--seeds-out FILE] [--json]
//   seggraph-bench export-graph --store DIR --out DIR
import Foundation

let usage = """
    usage: seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]
           seggraph-bench graph-queries --store DIR [--count N] [--seed S] [--seeds-out FILE] [--json]
           seggraph-bench export-graph --store DIR --out DIR

      window-queries  random window queries on a store opened read-only, timed one by one:
                      60 s windows on one source, 60 s windows across all sources,
                      10 min windows on one source; p50/p90/p99/max in µs, mean hits.
      graph-queries   from N random person segments with at least one edge: neighborIDs
                      (all kinds, 2 hops), contacts (1 and 2 hops), timed one by one;
                      p50/p90/p99/max in µs, mean result sizes.
      export-graph    nodes.csv and edges.csv (each edge once) into DIR, for the peers.
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
guard ["window-queries", "graph-queries", "export-graph"].contains(command) else { fail("unknown command \(command)") }

var storePath = "", outPath = "", seedsOut: String?
var count: Int?, seed: UInt64 = 1, json = false
var index = 0
@MainActor func value(_ name: String) -> String {
    index += 1
    guard index < arguments.count else { fail("\(name) needs a value") }
    return arguments[index]
}
while index < arguments.count {
    switch arguments[index] {
    case "--store": storePath = value("--store")
    case "--out" where command == "export-graph": outPath = value("--out")
    case "--seeds-out" where command == "graph-queries": seedsOut = value("--seeds-out")
    case "--count" where command != "export-graph":
        guard let n = Int(value("--count")), n > 0 else { fail("--count needs a positive integer") }
        count = n
    case "--seed" where command != "export-graph":
        guard let s = UInt64(value("--seed")) else { fail("--seed needs an unsigned integer") }
        seed = s
    case "--json" where command != "export-graph": json = true
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
