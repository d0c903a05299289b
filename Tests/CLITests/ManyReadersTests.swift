// Goal: eight reader processes querying while another process imports file after file never
// fail and never see half an import (issue 13, item 4); two writers on one store queue, and
// both imports land. Method: a simulated site; readers loop `stats --json` (segment count) and
// `segments --where` (the SQL catalog) until the writers are done; every count a reader sees
// must be the count of some set of whole files the two writers can have committed.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ManyReadersTests {
    static let readers = 8

    @Test func eightReadersDuringImportsSeeOnlyWholeFiles() throws {
        let directory = TemporaryDirectory("many-readers")
        let store = directory.file("store")
        let site = directory.file("site")
        let simulated = try Command.seggraph(["simulate", "--cameras", "5", "--people", "60", "--hours", "0.2",
                                              "--dim", "16", "--seed", "21", "--out", site])
        try #require(simulated.status == 0)
        let files = (0..<5).map { site + "/cam_0\($0).json" }
        try #require(try Command.seggraph(["import", "--store", store, files[0]]).status == 0)
        let sizes = try files.map { file in
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            return (document?["segments"] as? [Any])?.count ?? 0
        }
        let total = sizes.reduce(0, +)
        // Writer A imports files 1 then 2, writer B files 3 then 4, in either interleaving:
        // a whole-file state is file 0 plus a prefix of A's files plus a prefix of B's.
        var whole: Set<Int> = []
        for a in [0, sizes[1], sizes[1] + sizes[2]] {
            for b in [0, sizes[3], sizes[3] + sizes[4]] { whole.insert(sizes[0] + a + b) }
        }

        // Readers: a shell loop per process, each line "stats-count catalog-count" or "FAIL …".
        let script = """
            while [ ! -e "$1/done" ]; do
              s=$("$2" stats --store "$3" --json) || { echo "FAIL stats"; continue; }
              w=$("$2" segments --store "$3" --where "start_ns > 0" --limit 100000 --csv) || { echo "FAIL where"; continue; }
              echo "$(echo "$s" | sed -E 's/.*"segments":([0-9]+).*/\\1/') $(($(echo "$w" | wc -l) - 1))"
            done
            """
        var readers: [(Process, Pipe)] = []
        for _ in 0..<Self.readers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script, "reader", directory.file(""), TestPaths.seggraphBinary, store]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            readers.append((process, output))
        }
        // Two writers at once: the second waits for LMDB's writer lock, neither fails.
        let first = Process(), second = Process()
        for (writer, half) in [(first, Array(files[1...2])), (second, Array(files[3...4]))] {
            writer.executableURL = URL(fileURLWithPath: TestPaths.seggraphBinary)
            writer.arguments = ["import", "--store", store] + half
            writer.standardOutput = Pipe()
            writer.standardError = Pipe()
            try writer.run()
        }
        first.waitUntilExit()
        second.waitUntilExit()
        FileManager.default.createFile(atPath: directory.file("done"), contents: Data())
        var seen: [String] = []
        for (process, output) in readers {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            seen += text.split(separator: "\n").map(String.init)
        }
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        #expect(seen.count >= Self.readers)
        #expect(!seen.contains { $0.hasPrefix("FAIL") }, "\(seen.filter { $0.hasPrefix("FAIL") })")
        for line in seen where !line.hasPrefix("FAIL") {
            let counts = line.split(separator: " ").compactMap { Int($0) }
            #expect(counts.count == 2 && counts.allSatisfy { whole.contains($0) }, "a reader saw \(line); whole-file counts are \(whole.sorted())")
        }
        let final = try Command.seggraph(["stats", "--store", store, "--json"]).stdout
        #expect(final.contains("\"segments\":\(total),"))
        #expect(try Command.seggraph(["check", "--store", store]).status == 0)
    }
}
