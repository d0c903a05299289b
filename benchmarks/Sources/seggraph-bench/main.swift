// seggraph-bench: in-process store benchmarks. Argument parsing by hand: this target
// depends on SegGraph only.
//
//   seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]
import Foundation

let usage = """
    usage: seggraph-bench window-queries --store DIR [--count N] [--seed S] [--json]

      window-queries  random window queries on a store opened read-only, timed one by one:
                      60 s windows on one source, 60 s windows across all sources,
                      10 min windows on one source; p50/p90/p99/max in µs, mean hits.
      --count N       queries per scenario (default 2000)
      --seed S        random seed (default 1)
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
guard command == "window-queries" else { fail("unknown command \(command)") }

var options = WindowQueryOptions()
var index = 0
@MainActor func value(_ name: String) -> String {
    index += 1
    guard index < arguments.count else { fail("\(name) needs a value") }
    return arguments[index]
}
while index < arguments.count {
    switch arguments[index] {
    case "--store": options.storePath = value("--store")
    case "--count":
        guard let n = Int(value("--count")), n > 0 else { fail("--count needs a positive integer") }
        options.count = n
    case "--seed":
        guard let s = UInt64(value("--seed")) else { fail("--seed needs an unsigned integer") }
        options.seed = s
    case "--json": options.json = true
    case "-h", "--help": print(usage); exit(0)
    default: fail("unknown argument \(arguments[index])")
    }
    index += 1
}
guard !options.storePath.isEmpty else { fail("--store DIR is required") }

do {
    let report = try WindowQueryBenchmark(options: options).run()
    print(options.json ? report.jsonText() : report.table())
} catch {
    FileHandle.standardError.write(Data("seggraph-bench: \(error)\n".utf8))
    exit(1)
}
