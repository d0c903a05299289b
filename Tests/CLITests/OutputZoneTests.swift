// Goal: `--utc` / `--out-tz ZONE` show every time in one zone on every command with output,
// change nothing else (clock times typed are still the camera's), and a trace saved that way
// still verifies (issue 15). Method: the binary on a store of the real vtest data (Berlin).
import Foundation
import Testing
import TestSupport

@Suite struct OutputZoneTests {
    @Test func everyTimeInOneZoneAndTheTraceStillVerifies() throws {
        let directory = TemporaryDirectory("out-tz")
        let store = directory.file("store")
        let imported = try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"), "--source", "vtest",
                                             "--start", "2026-11-20T14:05:00+01:00", "--tz", "Europe/Berlin", "--embedding-space", "hsv_hist"])
        try #require(imported.status == 0, "\(imported.stderr)")
        let window = ["segments", "--store", store, "--source", "vtest", "--from", "14:05:10", "--to", "14:05:20", "--csv"]
        let local = try Command.seggraph(window)
        let utc = try Command.seggraph(window + ["--utc"])
        let tokyo = try Command.seggraph(window + ["--out-tz", "Asia/Tokyo"])
        // The same rows (14:05:10 is read in Berlin either way), times shown three ways.
        #expect(local.stdout.split(separator: "\n").count > 1)
        #expect(local.stdout.split(separator: "\n").count == utc.stdout.split(separator: "\n").count)
        #expect(local.stdout.contains("2026-11-20T14:05:1") && local.stdout.contains("+01:00"))
        #expect(utc.stdout.contains("2026-11-20T13:05:1") && utc.stdout.contains("Z,") && !utc.stdout.contains("+01:00"))
        #expect(tokyo.stdout.contains("2026-11-20T22:05:1") && tokyo.stdout.contains("+09:00"))
        let bad = try Command.seggraph(window + ["--out-tz", "Tokio"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--out-tz Tokio: unknown time zone"))

        let answer = directory.file("answer.json")
        let trace = try Command.seggraph(["trace", "--store", store, "--segment", "vtest/vtest-mog2-0003", "--json", "--utc"])
        try trace.stdout.write(toFile: answer, atomically: true, encoding: .utf8)
        #expect(trace.stdout.contains("\"output_zone\":\"UTC\""))
        let verified = try Command.seggraph(["verify", "--store", store, answer, "--json"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }
}
