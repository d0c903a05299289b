// Goal: every command line a newcomer is shown — the README's tour and the examples at the
// end of every subcommand's --help — runs and answers something on the data the tour builds
// (issue 15: the tour's ids once returned nothing on the tour's own data).
// Method: the tour's first ```sh block is run line by line in bash (seggraph = the built
// binary, /tmp/ = a scratch folder, ../shared/data = the shared data), then every
// "  seggraph …" line under "Examples:" in `seggraph CMD --help` and `seggraph CMD SUB --help`,
// in the order --help lists the commands. Each must exit 0; a query must print an answer
// (a table with a row, JSON other than [], CSV with a row). Examples that start a server or
// write their answer into a file are run for their exit status only.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct ExampleCommandTests {
    static let queries: Set<String> = ["sources", "segments", "show", "find", "trace", "topology", "similar",
                                       "neighbors", "contacts", "path", "zones", "stats"]

    @Test func theTourAndEveryHelpExampleAnswer() throws {
        let scratch = TemporaryDirectory("examples")
        var environment = ["SEGGRAPH_STORE": scratch.file("default.store")]
        let tour = try Self.tourLines()
        #expect(tour.count >= 20)
        for line in tour {
            if line.hasPrefix("swift build") { continue }
            if line.hasPrefix("export SEGGRAPH_STORE=") {
                let value = String(line.dropFirst("export SEGGRAPH_STORE=".count).split(separator: " ")[0])
                environment["SEGGRAPH_STORE"] = Self.localised(value, scratch: scratch)
                continue
            }
            try Self.check(line, scratch: scratch, environment: environment, origin: "README")
        }
        var examples = 0
        for command in try Self.subcommands(of: []) where command != "help" {
            for path in [[command]] + (try Self.subcommands(of: [command])).map({ [command, $0] }) {
                for line in try Self.helpExamples(path) {
                    examples += 1
                    try Self.check(line, scratch: scratch, environment: environment, origin: "seggraph \(path.joined(separator: " ")) --help")
                }
            }
        }
        #expect(examples >= 40)
    }

    /// Runs one shown command line; records an issue unless it exits 0 with an answer.
    static func check(_ shown: String, scratch: TemporaryDirectory, environment: [String: String], origin: String) throws {
        let words = shown.split(separator: " ").map(String.init)
        guard words.first == "seggraph", words.count > 1, words[1] != "serve" else { return }
        let script = "seggraph() { \"$SEGGRAPH_BINARY_UNDER_TEST\" \"$@\"; }\n" + localised(shown, scratch: scratch)
        var env = environment
        env["SEGGRAPH_BINARY_UNDER_TEST"] = TestPaths.seggraphBinary
        let result = try Command.run("/bin/bash", ["-c", script], environment: env, directory: TestPaths.packageRoot)
        #expect(result.status == 0, "\(origin): `\(shown)` exited \(result.status): \(result.stderr)")
        guard result.status == 0, queries.contains(words[1]), !shown.contains(" > ") else { return }
        #expect(answered(result.stdout), "\(origin): `\(shown)` printed no answer:\n\(result.stdout)\(result.stderr)")
    }

    /// Whether stdout holds an answer: not empty, not `[]`, and for a table or CSV a data row.
    static func answered(_ stdout: String) -> Bool {
        let lines = stdout.split(separator: "\n", omittingEmptySubsequences: true)
        let trimmed = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = lines.first, trimmed != "[]" else { return false }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return true }  // JSON
        if lines.count >= 2, lines[1].allSatisfy({ $0 == "-" || $0 == " " }) { return lines.count >= 3 }  // table
        if first.contains(","), !first.contains(" ") { return lines.count >= 2 }  // CSV header
        return true
    }

    /// /tmp/ → the scratch folder; ../shared/data → the shared data wherever it is.
    static func localised(_ line: String, scratch: TemporaryDirectory) -> String {
        line.replacingOccurrences(of: "/tmp/", with: scratch.file("") + "/")
            .replacingOccurrences(of: "../shared/data", with: TestPaths.sharedData)
    }

    /// The lines of the README's first ```sh block after "## A five-minute tour", with
    /// backslash continuations joined and trailing comments dropped.
    static func tourLines() throws -> [String] {
        let readme = try String(contentsOfFile: TestPaths.packageRoot + "/README.md", encoding: .utf8)
        guard let tour = readme.range(of: "## A five-minute tour"),
              let open = readme.range(of: "```sh\n", range: tour.upperBound..<readme.endIndex),
              let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex) else { return [] }
        var lines: [String] = []
        var pending = ""
        for raw in readme[open.upperBound..<close.lowerBound].split(separator: "\n") {
            var line = pending + raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") { pending = String(line.dropLast()) + " "; continue }
            pending = ""
            if let comment = line.range(of: "  #") ?? line.range(of: "\t#") { line = String(line[..<comment.lowerBound]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if !line.isEmpty && !line.hasPrefix("#") { lines.append(line) }
        }
        return lines
    }

    /// The names under SUBCOMMANDS in `seggraph PATH --help`.
    static func subcommands(of path: [String]) throws -> [String] {
        let help = try Command.seggraph(path + ["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
            return String(name)
        }
    }

    /// The "  seggraph …" lines under "Examples:" in `seggraph PATH --help`.
    static func helpExamples(_ path: [String]) throws -> [String] {
        let help = try Command.seggraph(path + ["--help"]).stdout
        guard let start = help.range(of: "Examples:\n") else { return [] }
        var lines: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            // --help wraps at 80 columns: a wrapped example would not paste as one command.
            #expect(line.hasPrefix("  "), "seggraph \(path.joined(separator: " ")) --help: an example wraps: \(line)")
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("seggraph ") { lines.append(text) }
        }
        return lines
    }
}
