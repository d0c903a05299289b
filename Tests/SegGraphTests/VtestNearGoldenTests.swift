// Goal: on real tracker output (vtest_mog2.json, OpenCV MOG2 on vtest.avi), people who
// walk side by side get `near` edges, and nothing else does.
// Method: import at 10 fps and compare every near edge with a golden list. The pairs
// were checked by eye on frames of vtest.avi with both boxes drawn (ffmpeg drawbox):
// frame 188 shows 0015 and 0017 walking the same way a body-width apart on the right of
// the path; frame 648 shows 0045 walking past 0047 standing by the cones on the left.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct VtestNearGoldenTests {
    @Test func nearEdgesOnRealTrackerOutput() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.importFile(ImportRequest(path: TestPaths.segments("vtest_mog2.json"), framesPerSecond: 10))
        let near = try fixture.edgeSet().filter { $0.hasPrefix("near:") }
        #expect(near == [
            "near:vtest_mog2/vtest-mog2-0015->vtest_mog2/vtest-mog2-0017",
            "near:vtest_mog2/vtest-mog2-0021->vtest_mog2/vtest-mog2-0023",
            "near:vtest_mog2/vtest-mog2-0023->vtest_mog2/vtest-mog2-0026",
            "near:vtest_mog2/vtest-mog2-0045->vtest_mog2/vtest-mog2-0047",
        ])
        let edge = try #require(try fixture.store.read { snapshot -> Edge? in
            let pair = try snapshot.segmentID(named: "vtest_mog2/vtest-mog2-0015")
            return try snapshot.edgeEnds(of: pair, kinds: [.near]).first.map { try snapshot.edge(at: $0, of: pair) }
        })
        let close = try #require(edge.properties.first { $0.0 == .closeSeconds }?.1)
        #expect(abs(close - 3.1) < 1e-9)
    }
}
