// Goal: kill -9 in the middle of an import leaves a store that opens, passes `check`,
// shows nothing of the interrupted file, and then imports that file cleanly.
// Method: the hidden `import --pause-after-segments N` makes the import
// stop (inside its write transaction) after N segments and say so on stderr; the test
// waits for that line, sends SIGKILL, and inspects the store with fresh processes.
import Foundation
import Testing
import TestSupport

@Suite struct CrashConsistencyTests {
    @Test func killedImportLeavesNoTrace() throws {
        let directory = TemporaryDirectory("crash")
        let store = directory.file("store")
        let site = directory.file("site")
        let simulated = try Command.seggraph(["simulate", "--cameras", "2", "--people", "40", "--hours", "0.2",
                                              "--dim", "32", "--seed", "3", "--out", site])
        try #require(simulated.status == 0, "\(simulated.stderr)")
        let seeded = try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"),
                                           "--embedding-space", "hsv_hist"])
        try #require(seeded.status == 0)
        let file = site + "/cam_01.json"

        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.seggraphBinary)
        process.arguments = ["import", "--store", store, file, "--pause-after-segments", "40"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        var said = ""
        let deadline = Date().addingTimeInterval(120)
        while !said.contains("pausing mid-import"), Date() < deadline, process.isRunning {
            said += String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self)
        }
        try #require(said.contains("pausing mid-import"), "import never reached the stall point: \(said)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let check = try Command.seggraph(["check", "--store", store])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let sources = try Command.seggraph(["sources", "--store", store, "--csv"]).stdout
        #expect(!sources.contains("cam_01"))
        let segments = try Command.seggraph(["segments", "--store", store, "--csv", "--limit", "100000"]).stdout
        #expect(segments.split(separator: "\n").count == 1 + 67)

        let retry = try Command.seggraph(["import", "--store", store, file, "--json"])
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(retry.stdout.contains("\"status\":\"imported\""))
        let recheck = try Command.seggraph(["check", "--store", store])
        #expect(recheck.status == 0, "\(recheck.stdout)")
    }
}
