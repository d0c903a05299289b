// Goal: the graph commands work end to end through the binary and their answers are
// byte-identical when asked twice. Method: a small simulated site imported with the
// CLI; each command's output is parsed (--json) or compared (--csv).
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct GraphCommandTests {
    static let directory = TemporaryDirectory("graph-cli")
    static let store = directory.file("store")
    static let prepared: Bool = {
        let site = directory.file("site")
        let simulate = try? Command.seggraph(["simulate", "--cameras", "3", "--people", "30", "--hours", "0.2",
                                              "--dim", "8", "--seed", "5", "--out", site])
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []).filter { $0.hasPrefix("cam_") }.sorted()
        let imported = try? Command.seggraph(["import", "--store", store] + files.map { site + "/" + $0 })
        return simulate?.status == 0 && imported?.status == 0
    }()

    func run(_ arguments: [String]) throws -> CommandResult {
        try #require(Self.prepared)
        return try Command.seggraph(arguments + ["--store", Self.store])
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try run(arguments + ["--json"])
        try #require(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    }

    @Test func findWithAndWithoutPartitionPeople() throws {
        let all = try json(["find", "--label", "person", "--limit", "100000"]).count
        let with = try json(["find", "--label", "person", "--with", "wears:hardhat", "--limit", "100000"]).count
        let without = try json(["find", "--label", "person", "--without", "wears:hardhat", "--limit", "100000"]).count
        #expect(with > 0)
        #expect(with + without == all)
    }

    @Test func answersAreByteIdentical() throws {
        for arguments in [["find", "--label", "person", "--with", "holds:bag", "--csv"], ["segments", "--label", "hardhat", "--csv"]] {
            let first = try run(arguments)
            let second = try run(arguments)
            #expect(first.status == 0)
            #expect(first.stdout == second.stdout)
            #expect(!first.stdout.isEmpty)
        }
    }

    @Test func neighborsContactsAndPath() throws {
        let carriers = try json(["find", "--label", "person", "--with", "holds:bag", "--limit", "1"])
        let carrier = try #require(carriers.first?["segment"] as? String)
        let neighbors = try json(["neighbors", carrier, "--kind", "holds"])
        // A neighbour row's `edge` is an object: {kind, direction, properties}.
        func kind(_ row: [String: Any]) -> String? { (row["edge"] as? [String: Any])?["kind"] as? String }
        #expect(neighbors.contains { kind($0) == "holds" && $0["label"] as? String == "bag" })
        let bag = try #require(neighbors.first { kind($0) == "holds" }?["segment"] as? String)
        let path = try json(["path", carrier, bag])
        #expect(path.map { $0["segment"] as? String } == [carrier, bag])
        let contacts = try run(["contacts", carrier, "--hops", "2", "--csv"])
        #expect(contacts.status == 0, "\(contacts.stderr)")
        #expect(contacts.stdout.hasPrefix("hops,contact,label,source,from,to,close_s,distance_min"))
    }

    @Test func mistypedNamesGetADidYouMean() throws {
        let command = try run(["segmnts"])
        #expect(command.status == 2)
        #expect(command.stderr.contains("did you mean `seggraph segments`?"), "\(command.stderr)")
        let label = try run(["segments", "--label", "persn"])
        #expect(label.status == 0)
        #expect(label.stderr == "no segment has label \"persn\"; did you mean \"person\"?\n", "\(label.stderr)")
        #expect(!label.stdout.contains("did you mean"))
        let found = try run(["segments", "--label", "person", "--limit", "1"])
        #expect(!found.stderr.contains("did you mean"))
        // find says why it is empty for the labels of --with, and flags and edge kinds get one too.
        let carried = try run(["find", "--label", "person", "--with", "holds:bagg"])
        #expect(carried.status == 0 && carried.stderr == "no segment has label \"bagg\"; did you mean \"bag\"?\n", "\(carried.stderr)")
        let kind = try run(["find", "--with", "hold:bag"])
        #expect(kind.status == 2 && kind.stderr.hasSuffix("; did you mean \"holds:bag\"? (--with)\n"), "\(kind.stderr)")
        let flag = try run(["segments", "--lable", "person"])
        #expect(flag.status == 2 && flag.stderr.hasPrefix("Error: Unknown option '--lable'. Did you mean '--label'?"), "\(flag.stderr)")
    }

    @Test func configSetAndRelinkChangeTheEdges() throws {
        let before = try json(["relink"])
        let nearBefore = before.first { $0["kind"] as? String == "near" }?["edges"] as? Int ?? -1
        let set = try run(["config", "set", "nearDurationSecondsMin", "1000"])
        #expect(set.status == 0, "\(set.stderr)")
        let after = try json(["relink"])
        #expect(after.first { $0["kind"] as? String == "near" }?["edges"] as? Int == 0)
        #expect(nearBefore > 0)
        _ = try run(["config", "set", "nearDurationSecondsMin", "2"])
        let restored = try json(["relink"])
        #expect(restored.first { $0["kind"] as? String == "near" }?["edges"] as? Int == nearBefore)
        let bad = try run(["config", "set", "noSuchSetting", "1"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "seggraph: unknown setting \"noSuchSetting\" (see `seggraph config show`)\n")
        // Values without sense are refused with the reason; a negative number is a value, not an option.
        let negative = try run(["config", "set", "sameAsCandidates", "-1"])
        #expect(negative.status == 2)
        #expect(negative.stderr == "seggraph: sameAsCandidates: must be in 1…100 (got -1)\n")
        let kind = try run(["config", "set", "attachmentKinds", "{\"bag\": \"carries\"}"])
        #expect(kind.status == 2 && kind.stderr.contains("holds, wears or rides"), "\(kind.stderr)")
        let space = try run(["config", "set", "reidSpace", "\"nosuch\""])
        #expect(space.status == 2 && space.stderr.contains("no embedding space \"nosuch\""), "\(space.stderr)")
        #expect(try run(["config", "set", "sameAsSimilarityMin", "-0.5"]).status == 0, "a cosine may be negative")
        _ = try run(["config", "set", "sameAsSimilarityMin", "0.7"])
        #expect(try run(["check"]).status == 0)
    }
}
