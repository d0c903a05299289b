// Goal: readers are never blocked by the writer: while an import sits inside its write
// transaction, similarity search, listings and check run and see only committed data.
// Method: the hidden `import --pause-after-segments N` parks an import mid-file (its
// HNSW nodes for earlier segments not yet written); other processes query meanwhile.
import Foundation
import Testing
import TestSupport

@Suite struct ConcurrentReadTests {
    @Test func searchesRunWhileAnImportIsInProgress() throws {
        let directory = TemporaryDirectory("concurrent")
        let store = directory.file("store")
        let site = directory.file("site")
        let simulated = try Command.seggraph(["simulate", "--cameras", "2", "--people", "30", "--hours", "0.2",
                                              "--dim", "16", "--seed", "9", "--out", site])
        try #require(simulated.status == 0)
        try #require(try Command.seggraph(["import", "--store", store, site + "/cam_00.json"]).status == 0)
        let before = try Command.seggraph(["segments", "--store", store, "--csv", "--limit", "100000"]).stdout

        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: TestPaths.seggraphBinary)
        writer.arguments = ["import", "--store", store, site + "/cam_01.json", "--pause-after-segments", "20"]
        let stderr = Pipe()
        writer.standardError = stderr
        writer.standardOutput = Pipe()
        try writer.run()
        defer { if writer.isRunning { kill(writer.processIdentifier, SIGKILL); writer.waitUntilExit() } }
        var said = ""
        let deadline = Date().addingTimeInterval(120)
        while !said.contains("pausing mid-import"), Date() < deadline, writer.isRunning {
            said += String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self)
        }
        try #require(said.contains("pausing mid-import"), "\(said)")

        let seed = try #require(before.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        let similar = try Command.seggraph(["similar", "--store", store, "--segment", seed, "-k", "5", "--csv"])
        #expect(similar.status == 0, "\(similar.stderr)")
        #expect(similar.stdout.split(separator: "\n").count == 6)
        #expect(!similar.stdout.contains("cam_01/"))
        let during = try Command.seggraph(["segments", "--store", store, "--csv", "--limit", "100000"]).stdout
        #expect(during == before)
        #expect(try Command.seggraph(["check", "--store", store]).status == 0)
    }
}
