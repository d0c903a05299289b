// Goal: derived edges are a function of the stored segments, not of the order they came
// in: every kind, `same_as` included, with every property, byte for byte; and `relink`
// derives them again. Method: one simulated site (five cameras, look-alike people at the
// simulator's default noise) imported camera file by camera file in three orders into
// three stores, then relinked; each store's edges are listed by segment names (internal
// ids follow import order) with their properties, and the lists must be equal.
import Foundation
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite struct LinkOrderTests {
    /// Every edge as `kind from->to {properties}` by segment names, sorted.
    static func edgeLines(_ store: Store) throws -> [String] {
        try store.read { snapshot in
            var filter = SegmentFilter()
            filter.limit = Limits.queryResultsMax
            let hits = try snapshot.segments(matching: filter).hits
            let names = Dictionary(uniqueKeysWithValues: hits.map { ($0.segment.id, $0.name) })
            var lines: [String] = []
            for hit in hits {
                for end in try snapshot.edgeEnds(of: hit.segment.id) where end.direction == .outgoing {
                    let edge = try snapshot.edge(at: end, of: hit.segment.id)
                    lines.append("\(edge.kind) \(names[edge.from]!)->\(names[edge.to]!) \(edge.answerValue(seenFrom: edge.from).json)")
                }
            }
            return lines.sorted()
        }
    }

    @Test func edgesDoNotDependOnImportOrder() throws {
        let directory = TemporaryDirectory("link-order")
        let site = directory.file("site")
        _ = try SiteSimulator(SimulationParameters(cameras: 5, people: 50, hours: 0.3, framesPerSecond: 2,
                                                   embeddingDimension: 32, seed: 31)).write(to: site)
        let files = (0..<5).map { site + "/cam_0\($0).json" }
        var answers: [[String]] = []
        for (n, order) in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 0, 3, 1]].enumerated() {
            let store = try Store.create(at: directory.file("store\(n)"))
            for index in order { _ = try store.importFile(ImportRequest(path: files[index])) }
            answers.append(try Self.edgeLines(store))
            try store.relink()
            #expect(try Self.edgeLines(store) == answers[n], "relink changed the edges of order \(order)")
        }
        let sameAs = answers[0].filter { $0.hasPrefix("same_as") }.count
        #expect(sameAs > 20, "the site must have same_as edges for the comparison to mean something")
        for n in 1..<answers.count {
            let missing = Set(answers[0]).subtracting(answers[n]).sorted().prefix(3)
            let extra = Set(answers[n]).subtracting(answers[0]).sorted().prefix(3)
            #expect(answers[n] == answers[0], "order \(n) differs: missing \(Array(missing)), extra \(Array(extra))")
        }
    }
}
