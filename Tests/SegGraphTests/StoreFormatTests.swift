// Goal: a store records its format version and UUID, and refuses to open when the
// version is not one this build reads. Method: rewrite meta.format_version with the
// LMDB layer directly, then open through the engine.
import Foundation
import LMDB
import SegGraph
import Testing
import TestSupport

@Suite struct StoreFormatTests {
    @Test func anotherFormatVersionIsRefusedWithBothVersions() throws {
        let directory = TemporaryDirectory("format")
        let path = directory.file("store")
        _ = try Store.create(at: path)
        do {
            let env = try Environment(path: path)
            let meta = try Table<String, [UInt8]>(environment: env, name: "meta")
            try env.write { txn in
                _ = try meta.put("format_version", withUnsafeBytes(of: UInt64(7).bigEndian) { Array($0) }, in: txn)
            }
        }
        let error = #expect(throws: StoreError.self) { try Store.open(at: path) }
        #expect(error?.kind == .formatVersion)
        #expect(error?.message == "\(path): store format version 7 is not supported by this seggraph (it reads version 1–2)")
    }

    @Test func openingAMissingStoreSaysHowToCreateOne() throws {
        let directory = TemporaryDirectory("missing")
        let error = #expect(throws: StoreError.self) { try Store.open(at: directory.file("nope")) }
        #expect(error?.message == "\(directory.file("nope")): no store here (create one with `seggraph init`)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("nope")))
    }

    @Test func uuidSurvivesReopening() throws {
        let directory = TemporaryDirectory("uuid")
        let uuid = try Store.create(at: directory.file("s")).uuid
        #expect(try Store.open(at: directory.file("s"), readOnly: true).uuid == uuid)
        #expect(throws: StoreError.self) { try Store.create(at: directory.file("s")) }
    }
}
