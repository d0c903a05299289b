// Goal: a listing cut at its limit says so on stderr with how many matched ("3 of 67
// shown"), stdout stays the rows alone, and --all lifts the limit (issue 15).
import Foundation
import Testing
import TestSupport

struct TruncationNoteTests {
    @Test func aCutListingSaysHowManyMatched() throws {
        let directory = TemporaryDirectory("truncation")
        let store = directory.file("store")
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json")]).status == 0)
        let all = try Command.seggraph(["segments", "--store", store, "--all", "--csv"])
        let total = all.stdout.split(separator: "\n").count - 1
        #expect(total > 3 && all.stderr.isEmpty)
        let cut = try Command.seggraph(["segments", "--store", store, "--limit", "3", "--csv"])
        #expect(cut.stdout.split(separator: "\n").count == 4)
        #expect(cut.stderr == "… 3 of \(total) shown (the limit); raise the limit, ask for all, or narrow the query\n")
    }
}
