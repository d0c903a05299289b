// Goal: through the real binary, every bad input file gets exactly its golden one-line
// message on stderr, exit code 3, and leaves the store exactly as it was.
// Method: the importer's error fixtures (Tests/ImportersTests/Fixtures/errors/NAME.* with
// NAME.expected.txt) imported into a store that already holds real data; `check` and
// `stats` must be unchanged afterwards.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ImportErrorGoldenTests {
    static let fixtures = TestPaths.packageRoot + "/Tests/ImportersTests/Fixtures/errors"

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return names.filter { !$0.hasSuffix(".expected.txt") }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func badFileIsRejectedWithItsGoldenMessage(file: String) throws {
        let stem = (file as NSString).deletingPathExtension
        // NAME.cli.expected.txt, when present, holds the message of the CLI's format
        // dispatcher, which knows more formats than the native importer alone.
        let cliGolden = Self.fixtures + "/\(stem).cli.expected.txt"
        let golden = FileManager.default.fileExists(atPath: cliGolden) ? cliGolden : Self.fixtures + "/\(stem).expected.txt"
        try Self.expectRefusal(importing: [file], in: Self.fixtures, golden: golden)
    }

    /// Imports `arguments` (run in `folder`) into a store holding real data: exit 3, exactly the
    /// golden line on stderr, nothing on stdout, the store's stats unchanged, `check` passing.
    static func expectRefusal(importing arguments: [String], in folder: String, golden: String) throws {
        let directory = TemporaryDirectory("golden")
        let store = directory.file("store")
        let seeded = try Command.seggraph(["import", "--store", store, TestPaths.segments("tud-campus_gt.json")])
        try #require(seeded.status == 0, "\(seeded.stderr)")
        let before = try Command.seggraph(["stats", "--store", store, "--json"]).stdout
        let expected = try String(contentsOfFile: golden, encoding: .utf8).trimmingCharacters(in: .newlines)
        let result = try Command.seggraph(["import", "--store", store] + arguments, directory: folder)
        #expect(result.status == 3)
        #expect(result.stderr == "seggraph: \(expected)\n")
        #expect(result.stdout.isEmpty)
        let after = try Command.seggraph(["stats", "--store", store, "--json"]).stdout
        #expect(withoutSizes(after) == withoutSizes(before))
        let check = try Command.seggraph(["check", "--store", store])
        #expect(check.status == 0, "\(check.stdout)")
    }

    /// The foreign formats' error fixtures (Tests/ImportersTests/Fixtures/FORMAT/errors), imported
    /// through the binary with the format forced and a frame rate given: the same golden line,
    /// exit 3, the store unchanged.
    static var foreignCases: [String] {
        ["mot", "cvat", "coco-vid", "ultralytics"].flatMap { format in
            let directory = TestPaths.packageRoot + "/Tests/ImportersTests/Fixtures/\(format)/errors"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.filter { !$0.hasSuffix(".expected.txt") }.sorted().map { format + "/" + $0 }
        }
    }

    @Test func everyForeignFormatHasFixtures() {
        #expect(Self.foreignCases.count >= 30)
    }

    @Test(arguments: foreignCases)
    func badForeignFileIsRejectedWithItsGoldenMessage(relative: String) throws {
        let format = String(relative.split(separator: "/")[0]), file = String(relative.split(separator: "/")[1])
        let directory = TestPaths.packageRoot + "/Tests/ImportersTests/Fixtures/\(format)/errors"
        let stem = (file as NSString).deletingPathExtension
        try Self.expectRefusal(importing: ["--format", format, "--fps", "25", file], in: directory,
                               golden: directory + "/\(stem).expected.txt")
    }

    /// Stats minus the file-size fields (LMDB may reuse or add free pages after an abort).
    static func withoutSizes(_ json: String) -> String {
        json.replacingOccurrences(of: #""(lmdb_file_bytes|lmdb_used_bytes|catalog_bytes)":\d+,?"#, with: "", options: .regularExpression)
    }
}
