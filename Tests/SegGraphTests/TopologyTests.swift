// Goal: the learned topology counts confident same_as links per ordered camera pair and
// reports their transit times. Method: two people, each seen on cam_a and then on cam_b
// (20 s and 40 s later, cosine 0.98 within each person, under 0.6 across them); the query's
// rows, a quantile and the links-min cut are compared with what the data says.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct TopologyTests {
    static func vector(_ angle: Double, axis: Int) -> [Float] {
        var v = [Float](repeating: 0, count: 6)
        v[0] = Float(cos(angle))
        v[axis] = Float(sin(angle))
        return v
    }

    @Test func transitTimesPerCameraPair() throws {
        let fixture = try StoreFixture()
        try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam_a", segments: [
            segmentJSON("p1", start: 0, end: 10, track: "t1", embedding: Self.vector(0, axis: 1)),
            segmentJSON("p2", start: 100, end: 110, track: "t2", embedding: Self.vector(1.2, axis: 2)),
        ])))
        try fixture.importFile(fixture.directory.write("b.json", documentJSON(source: "cam_b", segments: [
            segmentJSON("p1", start: 30, end: 40, track: "t7", embedding: Self.vector(0.2, axis: 1)),
            segmentJSON("p2", start: 150, end: 160, track: "t8", embedding: Self.vector(1.0, axis: 2)),
        ])))
        let topology = try fixture.store.run(TopologyQuery(linksMin: 1))
        let rows = topology.links.map { "\($0.from)->\($0.to) \($0.links) \($0.p05) \($0.p50) \($0.p95)" }
        #expect(rows == ["cam_a->cam_b 2 20.0 20.0 40.0"])
        #expect(topology.links.first?.admits(gapSeconds: 30) == true)
        #expect(topology.links.first?.admits(gapSeconds: 5) == false, "faster than half the quickest walk")
        #expect(try fixture.store.run(TopologyQuery(linksMin: 3)).links.isEmpty)
    }
}
