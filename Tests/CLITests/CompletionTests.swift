// Goal: shell completion offers what is in the store (issue 15): --source and --label complete
// with the store's names, --kind with the edge kinds, and a store that cannot be opened
// completes nothing (no error text in the user's prompt). Method: argument-parser's completion
// protocol (`seggraph ---completion …`, what the generated bash/zsh/fish scripts call), and
// the bash script itself driven as bash drives it.
import Foundation
import Testing
import TestSupport

@Suite struct CompletionTests {
    /// What the shell gets for the last word of `words`, completing `option` of `command`.
    func complete(_ command: [String], _ option: String, _ words: [String]) throws -> CommandResult {
        let index = String(words.count - 1)
        return try Command.seggraph(["---completion"] + command + ["--", option, index, String(words.last?.count ?? 0)] + words)
    }

    @Test func namesComeFromTheStore() throws {
        let directory = TemporaryDirectory("completion")
        let store = directory.file("store")
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"), "--source", "vtest"]).status == 0)
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("tud-campus_gt.json"), "--source", "tud"]).status == 0)
        let sources = try complete(["segments"], "--source", ["seggraph", "segments", "--store", store, "--source", ""])
        #expect(sources.stdout == "tud\nvtest\n", "\(sources.stderr)")
        let prefixed = try complete(["find"], "--source", ["seggraph", "find", "--store", store, "--source", "v"])
        #expect(prefixed.stdout == "vtest\n")
        let labels = try complete(["segments"], "--label", ["seggraph", "segments", "--store", store, "--label", "p"])
        #expect(labels.stdout == "person\n")
        let nowhere = try complete(["segments"], "--source", ["seggraph", "segments", "--store", directory.file("none"), "--source", ""])
        #expect(nowhere.stdout.isEmpty && nowhere.stderr.isEmpty)
    }

    @Test func theBashScriptCompletesSources() throws {
        let directory = TemporaryDirectory("completion-bash")
        let store = directory.file("store")
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"), "--source", "vtest"]).status == 0)
        let script = try Command.seggraph(["--generate-completion-script", "bash"]).stdout
        let path = directory.write("seggraph.bash", script)
        let drive = """
            source "\(path)"
            seggraph() { "\(TestPaths.seggraphBinary)" "$@"; }
            COMP_WORDS=(seggraph segments --store "\(store)" --source vt)
            COMP_CWORD=5; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _seggraph seggraph vt --source
            echo "${COMPREPLY[*]}"
            """
        let result = try Command.run("/bin/bash", ["-c", drive])
        #expect(result.stdout == "vtest\n", "\(result.stderr)")
        // Edge kinds are a fixed list, written into the script itself.
        #expect(script.contains(["next", "near", "holds", "wears", "rides", "during", "same_as"].map { "'\($0)'" }.joined(separator: "$'\\n'")))
    }
}
