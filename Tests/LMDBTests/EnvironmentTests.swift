// Goal: the LMDB wrapper keeps LMDB's promises through its Swift API.
// Method: real environments in temporary directories; each test writes, reads back,
// and checks the property (atomicity, snapshot isolation, map growth, read-only).
import Foundation
import LMDB
import Testing
import TestSupport

@Suite struct EnvironmentTests {
    let directory = TemporaryDirectory("lmdb")

    func open(mapSizeBytes: Int = 1 << 20, readOnly: Bool = false) throws -> Environment {
        var options = EnvironmentOptions()
        options.mapSizeBytes = mapSizeBytes
        options.readOnly = readOnly
        return try Environment(path: directory.path, options: options)
    }

    @Test func writeThenReadBack() throws {
        let env = try open()
        let table = try Table<UInt64, String>(environment: env, name: "t")
        try env.write { txn in
            for i in UInt64(1)...100 { try table.put(i, "value \(i)", in: txn) }
        }
        let value = try env.read { txn in try table.get(42, in: txn) }
        #expect(value == "value 42")
        #expect(try env.read { txn in try table.count(in: txn) } == 100)
    }

    @Test func failedWriteLeavesNothingBehind() throws {
        struct Boom: Error {}
        let env = try open()
        let table = try Table<UInt64, String>(environment: env, name: "t")
        try env.write { txn in try table.put(1, "kept", in: txn) }
        #expect(throws: Boom.self) {
            try env.write { txn in
                try table.put(2, "lost", in: txn)
                try table.delete(1, in: txn)
                throw Boom()
            }
        }
        let (kept, lost) = try env.read { txn in (try table.get(1, in: txn), try table.get(2, in: txn)) }
        #expect(kept == "kept")
        #expect(lost == nil)
    }

    @Test func mapGrowsWhenFull() throws {
        let env = try open(mapSizeBytes: 256 << 10)
        let table = try Table<UInt64, [UInt8]>(environment: env, name: "big")
        let value = [UInt8](repeating: 7, count: 4000)
        // 8 MB into a 256 KB map: must grow several times, transparently.
        try env.write { txn in
            for i in UInt64(0)..<2000 { try table.put(i, value, in: txn) }
        }
        #expect(env.info().mapSizeBytes >= 8 << 20)
        #expect(try env.read { txn in try table.count(in: txn) } == 2000)
    }

    @Test func mapGrowthStopsAtTheConfiguredMaximum() throws {
        var options = EnvironmentOptions()
        options.mapSizeBytes = 128 << 10
        options.mapSizeMaxBytes = 256 << 10
        let env = try Environment(path: directory.path, options: options)
        let table = try Table<UInt64, [UInt8]>(environment: env, name: "big")
        let error = #expect(throws: LMDBError.self) {
            try env.write { txn in
                for i in UInt64(0)..<2000 { try table.put(i, [UInt8](repeating: 1, count: 4000), in: txn) }
            }
        }
        #expect(error?.code == LMDBError.mapFull)
        #expect(try env.read { txn in try table.count(in: txn) } == 0)
    }

    @Test func readersSeeAConsistentSnapshotDuringAWrite() async throws {
        let env = try open(mapSizeBytes: 64 << 20)
        let table = try Table<UInt64, UInt64>(environment: env, name: "pairs")
        // Invariant kept by every write: keys 0 and 1 hold equal values.
        try env.write { txn in
            try table.put(0, 0, in: txn)
            try table.put(1, 0, in: txn)
        }
        let writer = Task.detached {
            for round in UInt64(1)...300 {
                try env.write { txn in
                    try table.put(0, round, in: txn)
                    try table.put(1, round, in: txn)
                }
            }
        }
        var violations = 0
        for _ in 0..<2000 {
            try env.read { txn in
                let a = try table.get(0, in: txn)
                let b = try table.get(1, in: txn)
                if a != b { violations += 1 }
            }
        }
        try await writer.value
        #expect(violations == 0)
        #expect(try env.read { txn in try table.get(0, in: txn) } == 300)
    }

    @Test func aSnapshotDoesNotSeeLaterCommits() throws {
        let env = try open()
        let table = try Table<UInt64, UInt64>(environment: env, name: "t")
        try env.write { txn in try table.put(1, 1, in: txn) }
        let seen = try env.read { txn -> UInt64? in
            // A write from another thread commits while this snapshot is open.
            let thread = Thread { try! env.write { w in _ = try table.put(1, 2, in: w) } }
            thread.start()
            while !thread.isFinished { usleep(1000) }
            return try table.get(1, in: txn)
        }
        #expect(seen == 1)
        #expect(try env.read { txn in try table.get(1, in: txn) } == 2)
    }

    @Test func readOnlyEnvironmentRefusesWrites() throws {
        do {
            let env = try open()
            let table = try Table<UInt64, UInt64>(environment: env, name: "t")
            try env.write { txn in try table.put(1, 1, in: txn) }
        }
        let env = try open(readOnly: true)
        let table = try Table<UInt64, UInt64>(environment: env, name: "t")
        #expect(try env.read { txn in try table.get(1, in: txn) } == 1)
        let error = #expect(throws: LMDBError.self) {
            try env.write { txn in _ = try table.put(2, 2, in: txn) }
        }
        #expect(error?.code == LMDBError.permissionDenied)
    }

    @Test func errorsNameTheOperation() throws {
        let env = try open()
        let error = #expect(throws: LMDBError.self) {
            _ = try Table<UInt64, UInt64>(environment: env, name: String(repeating: "x", count: 600))
        }
        #expect(error?.operation.hasPrefix("mdb_dbi_open") == true)
    }
}
