// Goal: typed tables encode keys so byte order is numeric order, and cursor scans
// honour their bounds. Method: store numbers out of order, scan ranges, compare with
// the sorted expectation.
import LMDB
import Testing
import TestSupport

@Suite struct TableTests {
    let directory = TemporaryDirectory("lmdb-table")

    @Test func bigEndianKeysScanInNumericOrder() throws {
        let env = try Environment(path: directory.path)
        let table = try Table<UInt64, Empty>(environment: env, name: "keys")
        let keys: [UInt64] = [300, 1, 256, 65536, 2, 1 << 40, 255]
        try env.write { txn in for key in keys { try table.put(key, Empty(), in: txn) } }
        var scanned: [UInt64] = []
        try env.read { txn in try table.scan(in: txn) { key, _ in scanned.append(key); return true } }
        #expect(scanned == keys.sorted())
    }

    @Test func rangeScanIsHalfOpenAndStopsEarly() throws {
        let env = try Environment(path: directory.path)
        let table = try Table<UInt32, UInt32>(environment: env, name: "r")
        try env.write { txn in for i in UInt32(0)..<100 { try table.put(i, i * 2, in: txn) } }
        var range: [UInt32] = []
        try env.read { txn in try table.scan(in: txn, from: 10, to: 20) { key, _ in range.append(key); return true } }
        #expect(range == Array(10..<20))
        var firstThree: [UInt32] = []
        try env.read { txn in
            try table.scan(in: txn, from: 50) { key, _ in firstThree.append(key); return firstThree.count < 3 }
        }
        #expect(firstThree == [50, 51, 52])
    }

    @Test func duplicateSortedValues() throws {
        let env = try Environment(path: directory.path)
        let table = try Table<UInt32, UInt64>(environment: env, name: "adjacency", flags: [.duplicateSort, .duplicateFixed])
        try env.write { txn in
            for value in [UInt64(9), 3, 7] { try table.put(1, value, in: txn) }
            try table.put(2, 1, in: txn)
            try table.delete(1, value: 7, in: txn)
        }
        var values: [UInt64] = []
        try env.read { txn in
            try table.scanDuplicates(of: 1, in: txn) { bytes in values.append(try UInt64(decoding: bytes)); return true }
        }
        #expect(values == [3, 9])
    }

    @Test func noOverwriteReportsAnExistingKey() throws {
        let env = try Environment(path: directory.path)
        let table = try Table<String, UInt32>(environment: env, name: "names")
        let (first, second) = try env.write { txn in
            (try table.put("a", 1, in: txn, noOverwrite: true), try table.put("a", 2, in: txn, noOverwrite: true))
        }
        #expect(first)
        #expect(second == false)
        #expect(try env.read { txn in try table.get("a", in: txn) } == 1)
    }
}
