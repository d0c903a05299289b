// Goal: `export --format jsonl` is a faithful copy of a store: importing it into an empty
// store gives the same counts (segments, boxes, labels, embeddings, edges per kind) and the
// same query answers. Method: a small simulated site imported with the CLI, exported,
// re-imported into a fresh store; `stats --json` (minus identity, sizes and the import
// count, which differs by design: N files became one) and `find` / `contacts` / `neighbors`
// outputs are compared byte for byte. Also: --source/--from/--to select, `-` streams.
// Known issue: `same_as` edges are re-derived by an HNSW-driven rule that depends on the
// order segments arrive in (importing the same camera files in another order changes their
// count too), so they and the answers that follow them (contacts) are compared as a known
// issue; every other kind must match exactly.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ExportRoundTripTests {
    static let directory = TemporaryDirectory("export-cli")
    static let original = directory.file("original")
    static let copy = directory.file("copy")
    static let exported = directory.file("site.jsonl")
    static let prepared: Bool = {
        let site = directory.file("site")
        let simulate = try? Command.seggraph(["simulate", "--cameras", "3", "--people", "30", "--hours", "0.2",
                                              "--dim", "8", "--seed", "7", "--out", site])
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []).filter { $0.hasPrefix("cam_") }.sorted()
        let imported = try? Command.seggraph(["import", "--store", original] + files.map { site + "/" + $0 })
        let export = try? Command.seggraph(["export", "--store", original, "--format", "jsonl", exported])
        let reimported = try? Command.seggraph(["import", "--store", copy, exported])
        return [simulate, imported, export, reimported].allSatisfy { $0?.status == 0 }
    }()

    static func output(_ arguments: [String], store: String) throws -> String {
        let result = try Command.seggraph(arguments + ["--store", store])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// `stats --json` without what legitimately differs between two stores of the same data.
    static func comparableStats(_ store: String) throws -> NSDictionary {
        let text = try output(["stats", "--json"], store: store)
        var stats = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["uuid", "created", "store", "lmdb_file_bytes", "lmdb_used_bytes", "catalog_bytes", "imports"] {
            stats[key] = nil
        }
        return stats as NSDictionary
    }

    @Test func reimportGivesIdenticalStats() throws {
        try #require(Self.prepared)
        let before = try Self.comparableStats(Self.original)
        let after = try Self.comparableStats(Self.copy)
        var edgesBefore = try #require(before["edges"] as? [String: Int])
        var edgesAfter = try #require(after["edges"] as? [String: Int])
        // same_as is compared by sameAsSurvivesTheRoundTrip, with the contacts that follow it.
        edgesBefore["same_as"] = nil
        edgesAfter["same_as"] = nil
        #expect(edgesBefore == edgesAfter)
        #expect(edgesBefore.values.reduce(0, +) > 0, "the site must have edges for the comparison to mean something")
        for key in before.allKeys as? [String] ?? [] where key != "edges" {
            #expect(before[key] as? NSObject == after[key] as? NSObject, "\(key)")
        }
        #expect(Set(before.allKeys as? [String] ?? []) == Set(after.allKeys as? [String] ?? []))
        #expect(try Command.seggraph(["check", "--store", Self.copy]).status == 0)
    }

    @Test func reimportGivesIdenticalAnswers() throws {
        try #require(Self.prepared)
        let queries: [[String]] = [
            ["find", "--label", "person", "--with", "holds:bag", "--limit", "100000", "--csv"],
            ["find", "--label", "person", "--without", "wears:hardhat", "--limit", "100000", "--csv"],
            ["segments", "--limit", "100000", "--json"],
        ]
        for query in queries {
            #expect(try Self.output(query, store: Self.original) == Self.output(query, store: Self.copy), "\(query)")
        }
        let people = try Self.output(["find", "--label", "person", "--with", "holds:bag", "--limit", "3", "--csv"], store: Self.original)
        let seeds = people.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        try #require(!seeds.isEmpty)
        for seed in seeds {
            let neighbors = ["neighbors", seed, "--hops", "2", "--kind", "next,near,holds,wears,rides,during", "--csv"]
            #expect(try Self.output(neighbors, store: Self.original) == Self.output(neighbors, store: Self.copy))
        }
    }

    /// The product promises the same edges whatever the import order: the re-import of an
    /// export (one file instead of one per camera) must give the same same_as edges and so
    /// the same contacts, which follow them.
    @Test func sameAsSurvivesTheRoundTrip() throws {
        try #require(Self.prepared)
        let before = try #require(try Self.comparableStats(Self.original)["edges"] as? [String: Int])
        let after = try #require(try Self.comparableStats(Self.copy)["edges"] as? [String: Int])
        #expect((before["same_as"] ?? 0) > 0, "the site must have same_as edges for the comparison to mean something")
        #expect(before["same_as"] == after["same_as"])
        let people = try Self.output(["find", "--label", "person", "--with", "holds:bag", "--limit", "3", "--csv"], store: Self.original)
        for seed in people.split(separator: "\n").dropFirst().compactMap({ $0.split(separator: ",").first.map(String.init) }) {
            let contacts = ["contacts", seed, "--hops", "2", "--csv"]
            #expect(try Self.output(contacts, store: Self.original) == Self.output(contacts, store: Self.copy))
        }
    }

    @Test func selectionAndStandardOutput() throws {
        try #require(Self.prepared)
        let streamed = try Self.output(["export", "--format", "jsonl", "--source", "cam_01", "-"], store: Self.original)
        let lines = streamed.split(separator: "\n")
        let listed = try Self.output(["segments", "--source", "cam_01", "--limit", "100000", "--csv"], store: Self.original)
        #expect(lines.count == listed.split(separator: "\n").count - 1)
        #expect(lines.first?.contains("\"source\":{\"id\":\"cam_01\"") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains("\"source\":\"cam_01\"") })
        let windowed = try Self.output(["export", "--format", "jsonl", "--source", "cam_01", "--from", "0s", "--to", "60s", "-"],
                                       store: Self.original)
        let inWindow = try Self.output(["segments", "--source", "cam_01", "--from", "0s", "--to", "60s", "--limit", "100000", "--csv"],
                                       store: Self.original)
        #expect(windowed.split(separator: "\n").count == inWindow.split(separator: "\n").count - 1)
    }

    @Test func errorsNameTheProblem() throws {
        try #require(Self.prepared)
        let unknown = try Command.seggraph(["export", "--store", Self.original, "--format", "jsonl", "--source", "nope",
                                            Self.directory.file("x.jsonl")])
        #expect(unknown.status == 4)
        #expect(unknown.stderr == "seggraph: unknown source \"nope\"\n")
        let unwritable = try Command.seggraph(["export", "--store", Self.original, "--format", "jsonl", "/nonexistent/dir/x.jsonl"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "seggraph: /nonexistent/dir/x.jsonl: cannot write: No such file or directory\n")
    }
}
