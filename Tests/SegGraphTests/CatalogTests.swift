// Goal: the catalog mirrors LMDB, powers --where filters, refuses anything but a
// read-only expression, and is rebuilt when it falls behind.
// Method: import small documents, query through --where, tamper with the catalog.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct CatalogTests {
    func fixtureWithColours() throws -> StoreFixture {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("cam.json", documentJSON(source: "cam", segments: [
            segmentJSON("red1", start: 1, end: 2, extra: "\"attributes\": {\"color\": \"red\"}"),
            segmentJSON("blue", start: 2, end: 3, extra: "\"attributes\": {\"color\": \"blue\"}"),
            segmentJSON("red2", label: "bag", start: 3, end: 4, extra: "\"attributes\": {\"color\": \"red\", \"brand\": \"acme\"}"),
        ])))
        return fixture
    }

    func names(_ fixture: StoreFixture, where expression: String) throws -> [String] {
        var filter = SegmentFilter()
        filter.whereExpression = expression
        return try fixture.store.run(SegmentsQuery(filter: filter)).hits.map(\.segment.externalID)
    }

    @Test func whereFiltersOnAttributes() throws {
        let fixture = try fixtureWithColours()
        #expect(try names(fixture, where: "json_extract(attributes, '$.color') = 'red'") == ["red1", "red2"])
        #expect(try names(fixture, where: "label = 'bag' AND json_extract(attributes, '$.brand') = 'acme'") == ["red2"])
        #expect(try names(fixture, where: "id IN (SELECT rowid FROM segment_text WHERE segment_text MATCH 'blue')") == ["blue"])
    }

    @Test func writeStatementsAndInvalidSQLAreRefused() throws {
        let fixture = try fixtureWithColours()
        for expression in ["1); DELETE FROM segments; --", "1) UNION SELECT 1; DROP TABLE segments; --"] {
            let error = #expect(throws: StoreError.self) { try names(fixture, where: expression) }
            #expect(error?.kind == .invalidArgument)
        }
        let error = #expect(throws: StoreError.self) { try names(fixture, where: "no_such_column = 1") }
        #expect(error?.message == "where: invalid expression: no such column: no_such_column")
        #expect(error?.parameter == "where")
        #expect(try fixture.store.check().isConsistent)
        #expect(try names(fixture, where: "1 = 1").count == 3)
    }

    @Test func aStaleCatalogIsCaughtByCheckAndRebuiltOnOpen() throws {
        let directory = TemporaryDirectory("stale")
        let path = directory.file("store")
        do {
            let store = try Store.create(at: path)
            _ = try store.importFile(ImportRequest(path: directory.write("a.json", documentJSON(source: "cam", segments: [
                segmentJSON("a", start: 1, end: 2)]))))
        }
        // Simulate a crash after the LMDB commit: the catalog loses its rows.
        let sqlite = try Command.run("/usr/bin/env", ["sqlite3", path + "/catalog.sqlite", "DELETE FROM segments; DELETE FROM catalog_imports;"])
        try #require(sqlite.status == 0, "sqlite3 CLI needed: \(sqlite.stderr)")
        let readOnly = try Store.open(at: path, readOnly: true)
        let report = try readOnly.check()
        #expect(!report.isConsistent)
        #expect(report.problems.contains("catalog has 0 segments, LMDB has 1"))
    }

    @Test func reindexRebuildsFromLMDB() throws {
        let fixture = try fixtureWithColours()
        try fixture.store.rebuildCatalog()
        #expect(try fixture.store.check().isConsistent)
        #expect(try names(fixture, where: "json_extract(attributes, '$.color') = 'blue'") == ["blue"])
    }
}
