// Goal: the graph exports load into other engines with the same graph. Method: a small
// simulated site; `export --format neo4j-csv` is loaded into Kùzu by
// scripts/load_neo4j_csv_kuzu.py (node and per-kind edge counts must equal `stats`, and a
// 2-hop count from a seed must equal `neighbors --hops 2`); `--format graphml` is parsed by
// Python's XML parser (node/edge counts, typed key declarations). The Kùzu test is skipped,
// saying why, only when python3 cannot import kuzu (`make test` tries `pip install kuzu`).
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct GraphExportTests {
    static let directory = TemporaryDirectory("graph-export")
    static let store = directory.file("store")
    static let prepared: Bool = {
        let site = directory.file("site")
        let simulate = try? Command.seggraph(["simulate", "--cameras", "3", "--people", "30", "--hours", "0.2",
                                              "--dim", "8", "--seed", "9", "--out", site])
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []).filter { $0.hasPrefix("cam_") }.sorted()
        let imported = try? Command.seggraph(["import", "--store", store] + files.map { site + "/" + $0 })
        return simulate?.status == 0 && imported?.status == 0
    }()
    static let kuzuAvailable = (try? Command.run("/usr/bin/env", ["python3", "-c", "import kuzu"]))?.status == 0

    static func stats() throws -> (segments: Int, edges: [String: Int]) {
        let result = try Command.seggraph(["stats", "--store", store, "--json"])
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return (try #require(stats["segments"] as? Int), try #require(stats["edges"] as? [String: Int]))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func neo4jCSVHeadersAndCounts() throws {
        try #require(Self.prepared)
        let out = Self.directory.file("neo4j-headers")
        let export = try Command.seggraph(["export", "--store", Self.store, "--format", "neo4j-csv", out])
        try #require(export.status == 0, "\(export.stderr)")
        let nodes = try String(contentsOfFile: out + "/nodes.csv", encoding: .utf8).split(separator: "\n")
        let relationships = try String(contentsOfFile: out + "/relationships.csv", encoding: .utf8).split(separator: "\n")
        #expect(nodes.first == "segmentId:ID,source,externalId,label,type,start:long,end:long,confidence:double,:LABEL")
        #expect(relationships.first?.hasPrefix(":START_ID,:END_ID,:TYPE,gap_s:double,") == true)
        let (segments, edges) = try Self.stats()
        #expect(nodes.count - 1 == segments)
        #expect(relationships.count - 1 == edges.values.reduce(0, +))
    }

    @Test(.enabled(if: kuzuAvailable, "python3 cannot import kuzu (pip install kuzu); the Kùzu load is not checked"))
    func neo4jCSVLoadsIntoKuzu() throws {
        try #require(Self.prepared)
        let out = Self.directory.file("neo4j")
        try #require(try Command.seggraph(["export", "--store", Self.store, "--format", "neo4j-csv", out]).status == 0)
        // A seed with edges: the first relationship's start node.
        let relationships = try String(contentsOfFile: out + "/relationships.csv", encoding: .utf8).split(separator: "\n")
        let seed = try #require(relationships.dropFirst().first { $0.contains(",NEAR,") }?.split(separator: ",").first)
        let loaded = try Command.run("/usr/bin/env", ["python3", TestPaths.packageRoot + "/scripts/load_neo4j_csv_kuzu.py",
                                                      "--csv", out, "--db", Self.directory.file("kuzu.db"), "--seed", String(seed)])
        try #require(loaded.status == 0, "\(loaded.stderr)")
        let answer = try Self.json(loaded.stdout)
        let (segments, edges) = try Self.stats()
        #expect(answer["nodes"] as? Int == segments)
        #expect(answer["edges"] as? Int == edges.values.reduce(0, +))
        let byType = try #require(answer["edges_by_type"] as? [String: Int])
        #expect(byType == edges.filter { $0.value > 0 }.reduce(into: [:]) { $0[$1.key.uppercased()] = $1.value })
        let neighbors = try Command.seggraph(["neighbors", "--store", Self.store, "#\(seed)", "--hops", "2", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(neighbors.stdout.utf8)) as? [[String: Any]])
        let distinct = Set(list.compactMap { $0["segment"] as? String })
        #expect(answer["two_hop"] as? Int == distinct.count)
        #expect(distinct.count > 1)
    }

    @Test func graphMLParses() throws {
        try #require(Self.prepared)
        let out = Self.directory.file("graph.graphml")
        try #require(try Command.seggraph(["export", "--store", Self.store, "--format", "graphml", out]).status == 0)
        let script = """
            import json, sys, xml.etree.ElementTree as ET
            ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
            root = ET.parse(sys.argv[1]).getroot()
            keys = {k.get("id"): (k.get("for"), k.get("attr.type")) for k in root.findall("g:key", ns)}
            graph = root.find("g:graph", ns)
            print(json.dumps({"nodes": len(graph.findall("g:node", ns)), "edges": len(graph.findall("g:edge", ns)),
                              "start_ns": keys.get("start_ns"), "kind": keys.get("kind")}))
            """
        let parsed = try Command.run("/usr/bin/env", ["python3", "-c", script, out])
        try #require(parsed.status == 0, "\(parsed.stderr)")
        let answer = try Self.json(parsed.stdout)
        let (segments, edges) = try Self.stats()
        #expect(answer["nodes"] as? Int == segments)
        #expect(answer["edges"] as? Int == edges.values.reduce(0, +))
        #expect(answer["start_ns"] as? [String] == ["node", "long"])
        #expect(answer["kind"] as? [String] == ["edge", "string"])
    }
}
