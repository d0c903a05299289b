// Goal: re-identification links a person's consecutive sightings on different cameras
// directly (a hand-off), at high precision, on more than one simulated world. Method: sites
// from the simulator at its default noise and at two harder settings (more look-alikes and
// degraded embeddings; more track splits and spurious people), three seeds each, imported
// with the default configuration. For every person, appearances in time order; a hand-off
// is two consecutive appearances on different cameras, covered when a `same_as` edge joins
// a segment of one to a segment of the other. Precision = `same_as` edges joining one
// person / `same_as` edges between ground-truth people. The table is printed for RESULTS.md.
import Foundation
import SegGraph
import SiteSimulator
import Testing
import TestSupport

@Suite struct HandOffCoverageTests {
    struct Setting: Sendable {
        var name: String
        var adjust: @Sendable (inout SimulationParameters) -> Void
    }

    static let settings: [Setting] = [
        Setting(name: "default", adjust: { _ in }),
        Setting(name: "look-alikes 10 %, degraded 10 %", adjust: { $0.lookalikeFraction = 0.10; $0.degradedFraction = 0.10 }),
        Setting(name: "splits 40 %, spurious 100/cam-h", adjust: { $0.occlusionSplitFraction = 0.4; $0.spuriousPerCameraHour = 100 }),
    ]

    /// (hand-offs covered, hand-offs, same_as edges within people, same_as edges between people).
    static func measure(_ setting: Setting, seed: UInt64) throws -> (covered: Int, handOffs: Int, right: Int, wrong: Int) {
        let fixture = try StoreFixture()
        var parameters = SimulationParameters(cameras: 6, people: 60, hours: 0.5, framesPerSecond: 2, embeddingDimension: 64, seed: seed)
        setting.adjust(&parameters)
        let site = fixture.directory.file("site")
        _ = try SiteSimulator(parameters).write(to: site)
        for file in try FileManager.default.contentsOfDirectory(atPath: site).sorted() where file.hasPrefix("cam_") {
            try fixture.importFile(site + "/" + file)
        }
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/ground_truth.json"))) as? [String: Any])
        var person: [String: String] = [:]
        var handOffs: [(Set<String>, Set<String>)] = []
        for entry in truth["people"] as? [[String: Any]] ?? [] {
            let appearances = (entry["appearances"] as? [[String: Any]] ?? []).sorted { ($0["start_sec"] as? Double ?? 0) < ($1["start_sec"] as? Double ?? 0) }
            let names = appearances.map { appearance in Set((appearance["segment_ids"] as? [String] ?? []).map { "\(appearance["source"]!)/\($0)" }) }
            for set in names { for name in set { person[name] = entry["person"] as? String } }
            for i in names.indices.dropLast() where appearances[i]["source"] as? String != appearances[i + 1]["source"] as? String {
                handOffs.append((names[i], names[i + 1]))
            }
        }
        var linked: Set<[String]> = []
        var (right, wrong) = (0, 0)
        try fixture.store.read { snapshot in
            var filter = SegmentFilter()
            filter.labels = ["person"]
            filter.limit = Limits.queryResultsMax
            for hit in try snapshot.segments(matching: filter).hits {
                for end in try snapshot.edgeEnds(of: hit.segment.id, kinds: [.sameAs]) where end.direction == .outgoing {
                    let other = try snapshot.requireHit(end.other).name
                    linked.insert([hit.name, other].sorted())
                    guard let a = person[hit.name], let b = person[other] else { continue }
                    if a == b { right += 1 } else { wrong += 1 }
                }
            }
        }
        let covered = handOffs.filter { pair in pair.0.contains { a in pair.1.contains { b in linked.contains([a, b].sorted()) } } }.count
        return (covered, handOffs.count, right, wrong)
    }

    @Test func handOffsAreLinkedDirectly() throws {
        var table = "| setting | seed | hand-offs | linked directly | same_as precision |\n|---|---|---|---|---|\n"
        var worst: [String: (coverage: Double, precision: Double)] = [:]
        for setting in Self.settings {
            for seed: UInt64 in [41, 42, 43] {
                let m = try Self.measure(setting, seed: seed)
                let coverage = Double(m.covered) / Double(max(1, m.handOffs))
                let precision = Double(m.right) / Double(max(1, m.right + m.wrong))
                table += String(format: "| %@ | %d | %d | %.4f | %.4f |\n", setting.name, seed, m.handOffs, coverage, precision)
                let previous = worst[setting.name] ?? (1, 1)
                worst[setting.name] = (min(previous.coverage, coverage), min(previous.precision, precision))
            }
        }
        print("same_as hand-off coverage (6 cameras, 60 people, 0.5 h, 64-d):\n\(table)")
        let baseline = try #require(worst["default"])
        #expect(baseline.precision >= 0.99, "precision at the simulator's default noise: \(baseline.precision)")
        // A regression guard at today's level; issue 10's target is 0.95 at precision 0.995.
        #expect(baseline.coverage >= 0.78, "hand-offs linked directly at the default noise: \(baseline.coverage)")
    }
}
