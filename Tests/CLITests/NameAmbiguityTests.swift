// Goal: issue 13, item 10 — what used to be ambiguous or silent is said. `a/b/p1` naming
// two segments (source a + b/p1, source a/b + p1) is refused with both ids; files after a bad
// one are listed as not imported; a newline in a file name does not split the error line.
// Method: the binary on small generated documents.
import Foundation
import Testing
import TestSupport

struct NameAmbiguityTests {
    static func document(source: String, segment: String) -> String {
        "{\"source\": {\"id\": \"\(source)\"}, \"segments\": [{\"segment_id\": \"\(segment)\", \"label\": \"person\", \"start_time_sec\": 1, \"end_time_sec\": 2}]}"
    }

    @Test func aNameThatFitsTwoSegmentsIsRefusedWithBothIDs() throws {
        let directory = TemporaryDirectory("ambiguity")
        let store = directory.file("store")
        let one = directory.write("one.json", Self.document(source: "a", segment: "b/p1"))
        let two = directory.write("two.json", Self.document(source: "a/b", segment: "p1"))
        try #require(try Command.seggraph(["import", "--store", store, one, two]).status == 0)
        let shown = try Command.seggraph(["show", "--store", store, "a/b/p1"])
        #expect(shown.status == 2)
        #expect(shown.stderr == "seggraph: \"a/b/p1\" names two segments: source \"a\" segment \"b/p1\" (id:1) and source \"a/b\" segment \"p1\" (id:2); name one by its id\n")
        let byID = try Command.seggraph(["show", "--store", store, "id:2", "--json"])
        #expect(byID.stdout.contains("\"source\":\"a/b\""))
    }

    @Test func filesAfterABadOneAreNamedAndNewlinesAreEscaped() throws {
        let directory = TemporaryDirectory("after-bad")
        let store = directory.file("store")
        let bad = directory.write("bad\nname.json", "x")
        let good = directory.write("good.json", Self.document(source: "c", segment: "s"))
        let result = try Command.seggraph(["import", "--store", store, bad, good])
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.contains("seggraph: note: not imported (after the error): \(good)"))
        #expect(lines.contains { $0.hasPrefix("seggraph: \(directory.file("bad"))\\nname.json: unknown format") })
    }
}
