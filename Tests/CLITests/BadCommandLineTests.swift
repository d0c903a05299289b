// Goal: every command-line abuse a hostile tester tried (issue 13, items 6 and 8, and the
// obvious others) gets its exact one-line message and documented exit code, and leaves the
// store as it was. Method: BadCommandLines/catalogue.jsonl, one case per line
// {"args": [...], "status": N, "stderr": "..."}; "$STORE" in args and stderr stands for a
// store holding the real tud-campus tracker output, "$DATA" for ../shared/data. Run against that store; `stats` must be
// unchanged and `check` must pass after every case. Record new cases with record.py.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct BadCommandLineTests {
    struct Case: Decodable, CustomTestStringConvertible {
        var args: [String]
        var status: Int32
        var stderr: String
        var testDescription: String { args.joined(separator: " ") }
    }

    static let catalogue = TestPaths.packageRoot + "/Tests/CLITests/BadCommandLines/catalogue.jsonl"

    static var cases: [Case] {
        let text = (try? String(contentsOfFile: catalogue, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    /// One store for the whole suite: every case must leave it unchanged, which is checked.
    static let directory = TemporaryDirectory("bad-cli")
    static let store: String = {
        let path = directory.file("store")
        _ = try? Command.seggraph(["import", "--store", path, TestPaths.segments("tud-campus_tracker.json")])
        return path
    }()

    @Test func catalogueIsLargeAndEveryLineParses() throws {
        let lines = try String(contentsOfFile: Self.catalogue, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 20)
        #expect(Self.cases.count == lines.count)
    }

    @Test(arguments: cases)
    func abuseGetsItsMessageAndExitCode(_ abuse: Case) throws {
        let store = Self.store
        let before = try Command.seggraph(["stats", "--store", store, "--json"])
        try #require(before.status == 0, "\(before.stderr)")
        let expand = { (text: String) in
            text.replacingOccurrences(of: "$STORE", with: store).replacingOccurrences(of: "$DATA", with: TestPaths.sharedData)
        }
        let result = try Command.seggraph(abuse.args.map(expand))
        #expect(result.status == abuse.status)
        #expect(result.stderr == expand(abuse.stderr))
        let after = try Command.seggraph(["stats", "--store", store, "--json"]).stdout
        #expect(ImportErrorGoldenTests.withoutSizes(after) == ImportErrorGoldenTests.withoutSizes(before.stdout))
        #expect(try Command.seggraph(["check", "--store", store]).status == 0)
    }
}
