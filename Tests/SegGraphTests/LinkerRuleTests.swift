// Goal: each linker rule fires exactly on its side of every threshold.
// Method: hand-built segments at 10 fps whose geometry puts them just inside or just
// outside a boundary; the resulting edges are compared by external id.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct LinkerRuleTests {
    let person = (x: 100.0, y: 100.0, w: 50.0, h: 100.0)

    @Test func nextLinksConsecutiveTrackSegmentsWithinTheGap() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("a", label: "person", start: 0, end: 2, from: person, track: "t"),
            movingSegment("b", label: "person", start: 7, end: 9, from: person, track: "t"),     // gap 5.0 = max: linked
            movingSegment("c", label: "person", start: 14.1, end: 15, from: person, track: "t"),  // gap 5.1: not linked
            movingSegment("d", label: "person", start: 3, end: 4, from: (600, 100, 50, 100), track: "u"),
        ])
        #expect(try fixture.edgeSet() == ["next:cam/a->cam/b"])
    }

    @Test func aSegmentArrivingLaterRethreadsTheTrack() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([movingSegment("a", label: "person", start: 0, end: 2, from: person, track: "t"),
                                    movingSegment("c", label: "person", start: 6, end: 7, from: person, track: "t")], file: "one.json")
        #expect(try fixture.edgeSet() == ["next:cam/a->cam/c"])
        try fixture.importSegments([movingSegment("b", label: "person", start: 3, end: 4, from: (400, 100, 50, 100), track: "t")], file: "two.json")
        #expect(try fixture.edgeSet() == ["next:cam/a->cam/b", "next:cam/b->cam/c"])
    }

    @Test func nearNeedsClosenessForLongEnough() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("p", label: "person", start: 0, end: 10, from: person),
            // Centres 50 px apart = 0.5 box heights, for 3 s: near.
            movingSegment("q", label: "person", start: 2, end: 5, from: (150, 100, 50, 100)),
            // Close for only 1.5 s: not near.
            movingSegment("r", label: "person", start: 6, end: 7.5, from: (150, 100, 50, 100)),
            // Far (5 heights) for 10 s: not near.
            movingSegment("s", label: "person", start: 0, end: 10, from: (600, 100, 50, 100)),
        ])
        #expect(try fixture.edgeSet() == ["near:cam/p->cam/q"])
    }

    @Test func attachmentsFollowTheCarrier() throws {
        let fixture = try StoreFixture()
        let walkFrom = (x: 100.0, y: 100.0, w: 50.0, h: 100.0)
        let walkTo = (x: 500.0, y: 100.0, w: 50.0, h: 100.0)
        try fixture.importSegments([
            movingSegment("walker", label: "person", start: 0, end: 10, from: walkFrom, to: walkTo),
            movingSegment("bag", label: "bag", start: 0, end: 10, from: (110, 160, 20, 25), to: (510, 160, 20, 25)),
            movingSegment("hat", label: "hardhat", start: 0, end: 10, from: (115, 95, 20, 12), to: (515, 95, 20, 12)),
            movingSegment("bike", label: "bicycle", start: 0, end: 10, from: (90, 150, 70, 60), to: (490, 150, 70, 60)),
            // A bag lying still while the person walks past: not carried.
            movingSegment("lost", label: "bag", start: 0, end: 10, from: (300, 170, 20, 25)),
        ])
        #expect(try fixture.edgeSet() == ["holds:cam/walker->cam/bag", "rides:cam/walker->cam/bike", "wears:cam/walker->cam/hat"])
    }

    @Test func anObjectGoesToItsBestCarrier() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("near", label: "person", start: 0, end: 5, from: (100, 100, 50, 100)),
            movingSegment("beside", label: "person", start: 0, end: 5, from: (140, 100, 50, 100)),
            movingSegment("bag", label: "bag", start: 0, end: 5, from: (110, 160, 20, 25)),
        ])
        #expect(try fixture.edgeSet().filter { $0.hasPrefix("holds") } == ["holds:cam/near->cam/bag"])
    }

    @Test func twoPeopleSideBySideTheBagGoesToTheOneItIsInside() throws {
        let fixture = try StoreFixture()
        // The companion walks one box width to the right; the bag hangs at the leader's right
        // side, inside both grown boxes (margin 25 px) but inside the leader's own box only.
        try fixture.importSegments([
            movingSegment("companion", label: "person", start: 0, end: 6, from: (150, 100, 50, 100), to: (450, 100, 50, 100)),
            movingSegment("leader", label: "person", start: 0, end: 6, from: (100, 100, 50, 100), to: (400, 100, 50, 100)),
            movingSegment("bag", label: "bag", start: 0, end: 6, from: (128, 155, 18, 18), to: (428, 155, 18, 18)),
        ])
        #expect(try fixture.edgeSet().filter { $0.hasPrefix("holds") } == ["holds:cam/leader->cam/bag"])
    }

    @Test func aBagSeenForAMomentInsideSomeonesBoxIsNotCarried() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("standing", label: "person", start: 0, end: 10, from: person),
            movingSegment("flicker", label: "bag", start: 2, end: 3.5, from: (110, 160, 20, 25)),  // 1.5 s < 2 s
            movingSegment("held", label: "bag", start: 5, end: 7.2, from: (110, 160, 20, 25)),     // 2.2 s
        ])
        #expect(try fixture.edgeSet().filter { $0.hasPrefix("holds") } == ["holds:cam/standing->cam/held"])
    }

    @Test func duringKeepsTheFewestParticipantsThatExplainTheActivityBox() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("left", label: "person", start: 0, end: 10, from: (100, 100, 50, 100)),
            movingSegment("right", label: "person", start: 0, end: 10, from: (300, 100, 50, 100)),
            // Inside the near miss's box, between the two: adds nothing to explain it.
            movingSegment("between", label: "person", start: 0, end: 10, from: (200, 110, 45, 90)),
            movingSegment("miss", label: "near_miss", type: "activity", start: 3, end: 6, from: (100, 100, 250, 100)),
            // Beside the fall, half inside its box: the faller alone explains it.
            movingSegment("faller", label: "person", start: 0, end: 10, from: (600, 100, 50, 100)),
            movingSegment("beside", label: "person", start: 0, end: 10, from: (635, 100, 50, 100)),
            movingSegment("fall", label: "fall", type: "activity", start: 3, end: 6, from: (595, 95, 60, 110)),
        ])
        #expect(try fixture.edgeSet().filter { $0.hasPrefix("during") }
                == ["during:cam/faller->cam/fall", "during:cam/left->cam/miss", "during:cam/right->cam/miss"])
    }

    @Test func duringNeedsTheActivityBoxWhenThereIsOne() throws {
        let fixture = try StoreFixture()
        try fixture.importSegments([
            movingSegment("faller", label: "person", start: 0, end: 10, from: person),
            movingSegment("bystander", label: "person", start: 0, end: 10, from: (600, 100, 50, 100)),
            movingSegment("fall", label: "fall", type: "activity", start: 3, end: 6, from: (90, 90, 80, 120)),
        ])
        #expect(try fixture.edgeSet() == ["during:cam/faller->cam/fall"])
    }

    @Test func fileOrderDoesNotChangeTheEdges() throws {
        let first = [movingSegment("a", label: "person", start: 0, end: 4, from: person, track: "t"),
                     movingSegment("bag", label: "bag", start: 0, end: 4, from: (110, 160, 20, 25))]
        let second = [movingSegment("b", label: "person", start: 5, end: 9, from: person, track: "t"),
                      movingSegment("c", label: "person", start: 0, end: 9, from: (140, 100, 50, 100)),
                      movingSegment("rival", label: "person", start: 0, end: 4, from: (105, 100, 50, 100))]
        let ab = try StoreFixture()
        try ab.importSegments(first, file: "1.json")
        try ab.importSegments(second, file: "2.json")
        let ba = try StoreFixture()
        try ba.importSegments(second, file: "2.json")
        try ba.importSegments(first, file: "1.json")
        #expect(try ab.edgeSet() == ba.edgeSet())
        #expect(try ab.edgeSet().contains("next:cam/a->cam/b"))
        try ab.store.relink()
        #expect(try ab.edgeSet() == ba.edgeSet())
        #expect(try ab.store.check().isConsistent)
    }

    @Test func replaceRemovesEdgesWithTheirSegments() throws {
        let fixture = try StoreFixture()
        let dir = TemporaryDirectory("relink")
        let path = dir.write("cam.json", documentJSON(source: "cam", segments: [
            movingSegment("a", label: "person", start: 0, end: 4, from: person, track: "t"),
            movingSegment("b", label: "person", start: 5, end: 9, from: person, track: "t")]))
        try fixture.importFile(path)
        #expect(try fixture.edgeSet() == ["next:cam/a->cam/b"])
        dir.write("cam.json", documentJSON(source: "cam", segments: [
            movingSegment("a", label: "person", start: 0, end: 4, from: person, track: "t")]))
        try fixture.importFile(path, replace: true)
        #expect(try fixture.edgeSet() == [])
        let report = try fixture.store.check()
        #expect(report.isConsistent, "\(report.problems)")
    }
}
