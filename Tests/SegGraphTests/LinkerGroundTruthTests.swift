// Goal: on a simulated site, the linker finds who carries what and which segments
// continue a track, with the precision and recall the product promises.
// Method: simulate a small site (fixed seed), import every camera, and compare the
// store's holds/wears/rides, next and during edges with ground_truth.json by external id.
import Foundation
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite struct LinkerGroundTruthTests {
    struct Scores {
        var truePositives = 0
        var predicted = 0
        var expected = 0
        var precision: Double { predicted == 0 ? 1 : Double(truePositives) / Double(predicted) }
        var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }

        init(predicted: Set<String>, expected: Set<String>) {
            truePositives = predicted.intersection(expected).count
            self.predicted = predicted.count
            self.expected = expected.count
        }
    }

    static func simulatedStore() throws -> (StoreFixture, [String: Any]) {
        let fixture = try StoreFixture()
        let site = fixture.directory.file("site")
        var parameters = SimulationParameters(cameras: 4, people: 60, hours: 0.4, framesPerSecond: 5, embeddingDimension: 8, seed: 11)
        parameters.carryFraction = 0.4
        _ = try SiteSimulator(parameters).write(to: site)
        for file in try FileManager.default.contentsOfDirectory(atPath: site).sorted() where file.hasPrefix("cam_") {
            try fixture.importFile(site + "/" + file)
        }
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/ground_truth.json"))) as! [String: Any]
        return (fixture, truth)
    }

    @Test func attachmentsNextAndDuringMatchGroundTruth() throws {
        let (fixture, truth) = try Self.simulatedStore()
        let edges = Set(try fixture.edgeSet())
        let people = truth["people"] as! [[String: Any]]
        var carries = Set<String>()
        var next = Set<String>()
        var objectPieces: [String: [(Double, String)]] = [:]
        for person in people {
            for appearance in person["appearances"] as! [[String: Any]] {
                let source = appearance["source"] as! String
                let ids = appearance["segment_ids"] as! [String]
                for (a, b) in zip(ids, ids.dropFirst()) { next.insert("next:\(source)/\(a)->\(source)/\(b)") }
            }
            for carry in person["carries"] as! [[String: Any]] {
                let source = carry["source"] as! String
                carries.insert("\(carry["relation"]!):\(source)/\(carry["person_segment_id"]!)->\(source)/\(carry["segment_id"]!)")
                objectPieces["\(source)/\(carry["track_id"]!)", default: []].append((0, "\(source)/\(carry["segment_id"]!)"))
            }
        }
        // An object split with its carrier continues its own track too.
        for pieces in objectPieces.values {
            let ordered = pieces.map(\.1).sorted()
            for (a, b) in zip(ordered, ordered.dropFirst()) { next.insert("next:\(a)->\(b)") }
        }
        var during = Set<String>()
        for activity in truth["activities"] as! [[String: Any]] {
            let source = activity["source"] as! String
            for person in activity["person_segment_ids"] as! [String] {
                during.insert("during:\(source)/\(person)->\(source)/\(activity["segment_id"]!)")
            }
        }
        let attachments = Scores(predicted: edges.filter { $0.hasPrefix("holds:") || $0.hasPrefix("wears:") || $0.hasPrefix("rides:") },
                                 expected: carries)
        let holdsWears = Scores(predicted: edges.filter { $0.hasPrefix("holds:") || $0.hasPrefix("wears:") },
                                expected: carries.filter { $0.hasPrefix("holds:") || $0.hasPrefix("wears:") })
        let nextScores = Scores(predicted: edges.filter { $0.hasPrefix("next:") }, expected: next)
        let duringScores = Scores(predicted: edges.filter { $0.hasPrefix("during:") }, expected: during)
        #expect(holdsWears.expected > 50)
        #expect(holdsWears.precision >= 0.95, "holds/wears precision \(holdsWears.precision)")
        #expect(holdsWears.recall >= 0.95, "holds/wears recall \(holdsWears.recall)")
        #expect(attachments.precision >= 0.9, "holds/wears/rides precision \(attachments.precision)")
        #expect(nextScores.expected > 10)
        #expect(nextScores.precision >= 0.99, "next precision \(nextScores.precision)")
        #expect(nextScores.recall >= 0.95, "next recall \(nextScores.recall)")
        #expect(duringScores.recall >= 0.9, "during recall \(duringScores.recall)")
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
        print("linker vs ground truth: holds/wears P=\(holdsWears.precision) R=\(holdsWears.recall) (n=\(holdsWears.expected)); with rides P=\(attachments.precision) R=\(attachments.recall); next P=\(nextScores.precision) R=\(nextScores.recall) (n=\(nextScores.expected)); during P=\(duringScores.precision) R=\(duringScores.recall)")
    }

    @Test func negationAndZoneQueriesMatchBruteForce() throws {
        let (fixture, _) = try Self.simulatedStore()
        let store = fixture.store
        var all = SegmentFilter()
        all.limit = Limits.queryResultsMax
        let everything = try store.run(SegmentsQuery(filter: all)).hits
        let labels = Dictionary(uniqueKeysWithValues: everything.map { ($0.segment.id, $0.segment.label) })
        // Brute force: every person, and whether any edge of theirs is wears → hardhat.
        var expectedWithout: [String] = []
        var expectedWith: [String] = []
        for hit in everything where hit.segment.label == "person" {
            let hasHat = try store.read { try $0.edgeEnds(of: hit.segment.id) }.contains { $0.kind == .wears && labels[$0.other] == "hardhat" }
            (hasHat ? { expectedWith.append(hit.segment.externalID) } : { expectedWithout.append(hit.segment.externalID) })()
        }
        var query = FindQuery()
        query.filter.labels = ["person"]
        query.filter.limit = Limits.queryResultsMax
        query.without = [try EdgePredicate(parsing: "wears:hardhat")]
        #expect(try Self.names(store.run(query)).sorted() == expectedWithout.sorted())
        query.without = []
        query.with = [try EdgePredicate(parsing: "wears:hardhat")]
        #expect(try Self.names(store.run(query)).sorted() == expectedWith.sorted())
        #expect(!expectedWith.isEmpty && !expectedWithout.isEmpty)

        // Zone: the left third of cam_00's frame, checked box by box with a direct test.
        try store.setZone(source: "cam_00", name: "left", points: [[0, 0], [426, 0], [426, 720], [0, 720]])
        var expectedZone: [String] = []
        for hit in everything where hit.source.name == "cam_00" && hit.segment.label == "person" {
            let boxes = try store.read { try $0.boxes(of: hit.segment.id) }
            if boxes.contains(where: { let x = Double($0.x) + Double($0.width) / 2; return x > 0 && x < 426 && Double($0.y + $0.height) < 720 }) {
                expectedZone.append(hit.segment.externalID)
            }
        }
        var zoneQuery = FindQuery()
        zoneQuery.filter.labels = ["person"]
        zoneQuery.filter.limit = Limits.queryResultsMax
        zoneQuery.zone = ZoneReference(source: "cam_00", name: "left")
        #expect(try Self.names(store.run(zoneQuery)).sorted() == expectedZone.sorted())
        #expect(!expectedZone.isEmpty)
    }

    /// External ids of a `find` answer that lists segments (not clips).
    static func names(_ result: FindResult) -> [String] {
        guard case .segments(let list) = result else {
            Issue.record("expected segments, got clips")
            return []
        }
        return list.hits.map(\.segment.externalID)
    }
}
