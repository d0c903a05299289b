// Goal: `find --group-by individual` puts each individual's hits in one row with the objects it
// carries (issue 15: 38 sightings of 11 people could not be told apart), groups exactly as the
// next/same_as links do, and obeys an investigator's rejection. Method: a simulated site; the
// grouped rows are compared with the plain hits and with each hit's `neighbors` closure.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct GroupByIndividualTests {
    static let directory = TemporaryDirectory("group-by")
    static let store = directory.file("store")

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try Command.seggraph(arguments + ["--store", Self.store, "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func everyHitOnceGroupedByItsLinksAndSplitByARejection() throws {
        let site = Self.directory.file("site")
        try #require(try Command.seggraph(["simulate", "--cameras", "4", "--people", "40", "--hours", "0.25", "--seed", "5", "--out", site]).status == 0)
        try #require(try Command.seggraph(["import", "--store", Self.store] + (0..<4).map { site + "/cam_0\($0).json" }).status == 0)
        let query = ["find", "--label", "person", "--with", "holds:bag"]
        let hits = try json(query).compactMap { $0["segment"] as? String }
        let groups = try json(query + ["--group-by", "individual"])
        let members = groups.map { ($0["members"] as? [String]) ?? [] }
        #expect(members.flatMap { $0 }.sorted() == hits.sorted(), "every hit in exactly one individual")
        #expect(groups.count < hits.count, "the site has carriers seen more than once")
        #expect(groups.allSatisfy { ($0["objects"] as? String ?? "").contains("holds bag ") })
        // Two hits share a row exactly when the links join them.
        let multi = try #require(members.first { $0.count > 1 })
        let closure = try Command.seggraph(["neighbors", multi[0], "--kind", "next,same_as", "--hops", "6", "--csv", "--store", Self.store]).stdout
        for other in multi.dropFirst() { #expect(closure.contains(other + ","), "\(other) is linked to \(multi[0])") }

        // Reject every link of the first sighting: it becomes an individual of its own.
        let direct = try Command.seggraph(["neighbors", multi[0], "--kind", "next,same_as", "--csv", "--store", Self.store]).stdout
        for line in direct.split(separator: "\n").dropFirst() {
            let other = String(line.split(separator: ",")[3])
            try #require(try Command.seggraph(["link", "reject", multi[0], other, "--by", "test", "--store", Self.store]).status == 0)
        }
        let after = try json(query + ["--group-by", "individual"]).map { ($0["members"] as? [String]) ?? [] }
        #expect(after.contains([multi[0]]), "\(after)")
        #expect(after.count == groups.count + 1)
    }
}
