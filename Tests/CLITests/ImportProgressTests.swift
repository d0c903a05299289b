// Goal: import progress is for whoever asked: nothing on stderr off a terminal (scripts stay
// quiet), and `--progress json` gives a program one JSON object per line: progress by bytes
// and a record per finished file (issue 15). Method: the binary on a simulated site.
import Foundation
import Testing
import TestSupport

@Suite struct ImportProgressTests {
    @Test func quietByDefaultAndJSONLinesOnRequest() throws {
        let directory = TemporaryDirectory("progress")
        let site = directory.file("site")
        try #require(try Command.seggraph(["simulate", "--cameras", "3", "--people", "40", "--hours", "0.2", "--out", site]).status == 0)
        let files = (0..<3).map { site + "/cam_0\($0).json" }
        let quiet = try Command.seggraph(["import", "--store", directory.file("a"), "--csv"] + files)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        let loud = try Command.seggraph(["import", "--store", directory.file("b"), "--progress", "json", "--csv"] + files)
        #expect(loud.status == 0)
        #expect(loud.stdout == quiet.stdout.replacingOccurrences(of: directory.file("a"), with: directory.file("b")))
        let events = try loud.stderr.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        let done = events.filter { $0["event"] as? String == "file_done" }
        #expect(done.map { $0["file"] as? String } == files)
        #expect(done.map { $0["file_index"] as? Int } == [1, 2, 3])
        #expect(done.allSatisfy { ($0["segments"] as? Int ?? 0) > 0 && $0["status"] as? String == "imported" })
        for progress in events where progress["event"] as? String == "progress" {
            let read = progress["bytes_read"] as? Int ?? -1, total = progress["bytes_total"] as? Int ?? 0
            #expect(read >= 0 && read <= total)
        }
    }
}
