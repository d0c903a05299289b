// Goal: the SQL catalog is derived data, so a deleted, overwritten or damaged catalog.sqlite
// never makes the store unusable (issue 13): it is detected, set aside and rebuilt from LMDB,
// with one note on stderr, and `--where` answers as before.
// Method: a store with real data; the catalog file deleted, overwritten with noise, or damaged
// past its first pages; then the same `--where` query and `check` through the binary.
import Foundation
import Testing
import TestSupport

@Suite struct CatalogRecoveryTests {
    static let query = ["segments", "--where", "label = 'person'", "--limit", "1000", "--csv"]

    func seeded() throws -> (TemporaryDirectory, String, String) {
        let directory = TemporaryDirectory("catalog-recovery")
        let store = directory.file("store")
        let imported = try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json")])
        try #require(imported.status == 0, "\(imported.stderr)")
        let answer = try Command.seggraph(Self.query + ["--store", store])
        try #require(answer.status == 0 && answer.stdout.split(separator: "\n").count > 10)
        return (directory, store, answer.stdout)
    }

    @Test(arguments: ["deleted", "noise", "damaged pages"])
    func aBrokenCatalogIsRebuiltFromLMDB(_ damage: String) throws {
        let (directory, store, before) = try seeded()
        let catalog = store + "/catalog.sqlite"
        switch damage {
        case "deleted": try FileManager.default.removeItem(atPath: catalog)
        case "noise": try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: catalog))
        default:
            // Pages after the first (the schema's), so the file still opens as a database.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: catalog))
            try handle.seek(toOffset: 4096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
            try handle.close()
        }
        let after = try Command.seggraph(Self.query + ["--store", store])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before)
        if damage != "deleted" {
            #expect(after.stderr.contains("seggraph: note: \(catalog): the catalog could not be read ("), "\(after.stderr)")
            #expect(after.stderr.contains("and rebuilt from LMDB"))
            let aside = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0.hasPrefix("catalog.sqlite.unreadable-") }
            #expect(aside.count == 1)
        }
        let check = try Command.seggraph(["check", "--store", store])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        _ = directory
    }
}
