// Goal: every query runs in exactly one snapshot, so an import by another process is seen
// whole or not at all — never half (the old `find` read in three transactions and could
// mix two states). Method: a reference store is built import by import (three simulated
// cameras, one import each) and after every step the answers of find (filter + edges),
// similar (filter + vector index), contacts (identity + near edges) and segments are
// recorded with the CLI (`--json`). Then a second store gets the same imports from a separate `seggraph import`
// process while this process runs the same queries in a loop on it: every answer must
// equal the answer of one step — before or after an import — and the loop must have seen
// at least two different steps, or it proved nothing.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite(.serialized) struct SnapshotConsistencyTests {
    static let directory = TemporaryDirectory("snapshot")

    /// Simulated camera files, in import order.
    static func siteFiles() throws -> [String] {
        let site = directory.file("site")
        let simulated = try Command.seggraph(["simulate", "--cameras", "4", "--people", "40", "--hours", "0.3",
                                              "--dim", "16", "--seed", "23", "--out", site])
        try #require(simulated.status == 0, "\(simulated.stderr)")
        return (0..<4).map { site + "/cam_0\($0).json" }
    }

    /// The queries compared, as the CLI asks them (each prints the library's answer JSON).
    static func arguments(seed: String) -> [[String]] {
        [["find", "--label", "person", "--with", "near:person", "--limit", "100000"],
         ["similar", "--segment", seed, "-k", "25", "--label", "person"],
         ["contacts", seed, "--hops", "2"],
         ["segments", "--label", "person", "--limit", "100000"]]
    }

    /// The same queries answered in this process, one snapshot each, as JSON bytes.
    static func answers(_ store: Store, seed: String) throws -> [String] {
        var find = FindQuery()
        find.filter.labels = ["person"]
        find.filter.limit = 100_000
        find.with = [try EdgePredicate(parsing: "near:person")]
        var filter = SegmentFilter()
        filter.labels = ["person"]
        filter.limit = 100_000
        let similar = SimilarQuery(seed: .segment(seed), k: 25, filter: filter)
        let contacts = ContactsQuery(segment: seed, hops: 2)
        return [try store.run(find).answer.json, try store.run(similar).answer.json,
                try store.run(contacts).answer.json, try store.run(SegmentsQuery(filter: filter)).answer.json].map { $0 + "\n" }
    }

    @Test func answersSeeAnImportWholeOrNotAtAll() throws {
        let files = try Self.siteFiles()
        // Reference: the CLI's answers after the first file, then after each further import.
        let reference = Self.directory.file("reference")
        _ = try Command.seggraph(["init", "--store", reference])
        var steps: [[String]] = []
        var seed = ""
        for file in files {
            let imported = try Command.seggraph(["import", "--store", reference, file])
            try #require(imported.status == 0, "\(imported.stderr)")
            if seed.isEmpty {
                let first = try Command.seggraph(["find", "--store", reference, "--label", "person", "--with", "near:person",
                                                  "--limit", "1", "--csv"])
                seed = String(first.stdout.split(separator: "\n").dropFirst().first?.split(separator: ",").first ?? "")
                try #require(!seed.isEmpty, "no person with a near edge on cam_00")
            }
            steps.append(try Self.arguments(seed: seed).map { arguments in
                let result = try Command.seggraph(arguments + ["--store", reference, "--json"])
                try #require(result.status == 0, "\(arguments): \(result.stderr)")
                return result.stdout
            })
        }
        // Live: the first file, then the rest imported by another process while we query.
        let live = Self.directory.file("live")
        _ = try Command.seggraph(["init", "--store", live])
        try #require(try Command.seggraph(["import", "--store", live, files[0]]).status == 0)
        let store = try Store.open(at: live, readOnly: true)
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = files.dropFirst().map { "'\($0)'" }
        importer.arguments = ["-c", quoted.map { "'\(TestPaths.seggraphBinary)' import --store '\(live)' \($0) >/dev/null" }.joined(separator: " && ")]
        try importer.run()
        var seen: Set<Int> = []
        var rounds = 0
        repeat {
            let answer = try Self.answers(store, seed: seed)
            // Each query alone must match a step; the four were asked in separate snapshots.
            for (query, json) in answer.enumerated() {
                let matching = steps.indices.filter { steps[$0][query] == json }
                #expect(!matching.isEmpty, "query \(query) answered with a state that is no step of the imports")
                if let step = matching.first { seen.insert(step) }
            }
            rounds += 1
        } while importer.isRunning || rounds < 2
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(try Self.answers(store, seed: seed) == steps[steps.count - 1], "the library's answers differ from the CLI's")
        #expect(seen.count >= 2, "the loop saw only steps \(seen.sorted()) in \(rounds) rounds: it did not overlap the imports")
    }
}
