// Goal: a carried object's boxes move with its carrier: same frames, bags inside the lower half,
// hardhats at the top, bicycles and carts overlapping the lower half; falls surround the person.
// Method: for every `carries` entry and every fall, compare the boxes frame by frame.
import Foundation
import SiteSimulator
import Testing

@Suite struct CarriedObjectTests {
    @Test func objectBoxesFollowCarrier() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        let carries = site.truth.people.flatMap(\.carries)
        #expect(!carries.isEmpty)
        let tolerance = 0.15  // independent rounding of x and w to one decimal
        for carry in carries {
            let object = try #require(site.segment(carry.source, carry.segment_id))
            let person = try #require(site.segment(carry.source, carry.person_segment_id))
            #expect(object.bounding_boxes.map(\.frame) == person.bounding_boxes.map(\.frame))
            for (o, p) in zip(object.bounding_boxes, person.bounding_boxes) {
                switch carry.relation {
                case "holds", "wears":
                    #expect(o.x >= p.x - tolerance && o.x + o.w <= p.x + p.w + tolerance)
                    #expect(o.y >= p.y - tolerance && o.y + o.h <= p.y + p.h + tolerance)
                    if carry.relation == "holds" { #expect(o.y >= p.y + p.h / 2 - tolerance) }
                    else { #expect(o.y + o.h <= p.y + p.h * 0.25) }
                default:
                    #expect(carry.relation == "rides")
                    let overlapX = min(o.x + o.w, p.x + p.w) - max(o.x, p.x)
                    let overlapY = min(o.y + o.h, p.y + p.h) - max(o.y, p.y)
                    #expect(overlapX > 0 && overlapY > 0)
                }
            }
        }
    }

    @Test func fallBoxSurroundsPerson() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        for activity in site.truth.activities where activity.label == "fall" {
            let fall = try #require(site.segment(activity.source, activity.segment_id))
            let person = try #require(site.segment(activity.source, activity.person_segment_ids[0]))
            let byFrame = Dictionary(uniqueKeysWithValues: person.bounding_boxes.map { ($0.frame, $0) })
            for f in fall.bounding_boxes {
                let p = try #require(byFrame[f.frame])
                #expect(f.x <= p.x + 0.15 && f.y <= p.y + 0.15)
                #expect(f.x + f.w >= p.x + p.w - 0.15 || f.x + f.w >= 1279.9)
            }
        }
    }
}
