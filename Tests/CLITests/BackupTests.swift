// Goal: `seggraph backup` makes a copy that opens, passes `check`, keeps the store's UUID,
// and is consistent while another process imports. Method: (1) an import stalled inside its
// write transaction (the hidden `import --pause-after-segments N`) while the backup runs:
// the copy must hold exactly the committed segments; (2) an import running freely while
// backups are taken in a loop: every copy must pass `check`. Plus the refusal messages.
import Foundation
import Testing
import TestSupport

@Suite struct BackupTests {
    static func segmentCount(_ store: String) throws -> Int {
        let result = try Command.seggraph(["stats", "--store", store, "--json"])
        let stats = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(stats?["segments"] as? Int)
    }

    /// Starts `seggraph import` in the background.
    static func startImport(_ store: String, _ file: String, stallAfter: Int?) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.seggraphBinary)
        process.arguments = ["import", "--store", store, file] + (stallAfter.map { ["--pause-after-segments", "\($0)"] } ?? [])
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, stderr)
    }

    @Test func backupDuringImports() throws {
        let directory = TemporaryDirectory("backup")
        let store = directory.file("store")
        let site = directory.file("site")
        let simulated = try Command.seggraph(["simulate", "--cameras", "3", "--people", "40", "--hours", "0.2",
                                              "--dim", "16", "--seed", "11", "--out", site])
        try #require(simulated.status == 0, "\(simulated.stderr)")
        try #require(try Command.seggraph(["import", "--store", store, site + "/cam_00.json"]).status == 0)
        let committed = try Self.segmentCount(store)

        let (stalled, stderr) = try Self.startImport(store, site + "/cam_01.json", stallAfter: 20)
        var said = ""
        let deadline = Date().addingTimeInterval(120)
        while !said.contains("pausing mid-import"), Date() < deadline, stalled.isRunning {
            said += String(decoding: stderr.fileHandleForReading.availableData, as: UTF8.self)
        }
        try #require(said.contains("pausing mid-import"), "import never reached the stall point: \(said)")
        let backup = try Command.seggraph(["backup", "--store", store, directory.file("copy1"), "--json"])
        kill(stalled.processIdentifier, SIGKILL)
        stalled.waitUntilExit()
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try Self.segmentCount(directory.file("copy1")) == committed)
        let check = try Command.seggraph(["check", "--store", directory.file("copy1")])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let uuid = try Command.seggraph(["stats", "--store", store, "--json"]).stdout
        let original = try JSONSerialization.jsonObject(with: Data(uuid.utf8)) as? [String: Any]
        #expect(backup.stdout.contains("\"uuid\":\"\(original?["uuid"] as? String ?? "?")\""))

        // A free-running import: each copy is some committed state, and consistent.
        let (running, _) = try Self.startImport(store, site + "/cam_02.json", stallAfter: nil)
        var copies = 0
        repeat {
            let path = directory.file("loop\(copies)")
            let result = try Command.seggraph(["backup", "--store", store, path])
            #expect(result.status == 0, "\(result.stderr)")
            let copyCheck = try Command.seggraph(["check", "--store", path])
            #expect(copyCheck.status == 0, "\(copyCheck.stdout)\(copyCheck.stderr)")
            copies += 1
        } while running.isRunning && copies < 5
        running.waitUntilExit()
        #expect(running.terminationStatus == 0)
    }

    @Test func refusesToOverwrite() throws {
        let directory = TemporaryDirectory("backup-errors")
        let store = directory.file("store")
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json")]).status == 0)
        let onto = try Command.seggraph(["backup", "--store", store, store])
        #expect(onto.status == 2)
        #expect(onto.stderr == "seggraph: \(store): the backup cannot be the store itself\n")
        try FileManager.default.createDirectory(atPath: directory.file("busy"), withIntermediateDirectories: true)
        directory.write("busy/file.txt", "x")
        let notEmpty = try Command.seggraph(["backup", "--store", store, directory.file("busy")])
        #expect(notEmpty.status == 1)
        #expect(notEmpty.stderr == "seggraph: \(directory.file("busy")): already exists and is not an empty directory\n")
    }
}
