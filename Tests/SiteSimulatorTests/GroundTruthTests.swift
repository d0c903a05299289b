// Goal: ground_truth.json agrees with the camera files, so a linker can be scored against it.
// Method: resolve every (source, segment_id) the ground truth names, and check what it claims
// (labels, track ids, occlusion gaps, activity participants) against the files themselves.
import Foundation
import SiteSimulator
import Testing

@Suite struct GroundTruthTests {
    @Test func everyReferenceResolves() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        #expect(site.truth.people.count == 20)
        var personSegments = Set<String>()
        for person in site.truth.people {
            for appearance in person.appearances {
                for id in appearance.segment_ids {
                    let s = try #require(site.segment(appearance.source, id))
                    #expect(s.label == "person" && s.attributes["track_id"] == appearance.track_id)
                    #expect(personSegments.insert(appearance.source + "/" + id).inserted)
                }
            }
            for carry in person.carries {
                let object = try #require(site.segment(carry.source, carry.segment_id))
                #expect(object.label == carry.label && object.attributes["track_id"] == carry.track_id)
                #expect(personSegments.contains(carry.source + "/" + carry.person_segment_id))
            }
        }
        for reference in site.truth.spurious + site.truth.degraded {
            #expect(site.segment(reference.source, reference.segment_id) != nil)
        }
        // Every confident person segment belongs to some person's appearance.
        let spurious = Set(site.truth.spurious.map { $0.source + "/" + $0.segment_id })
        for document in site.documents {
            for s in document.segments where s.label == "person" {
                let key = document.source.id + "/" + s.segment_id
                #expect(personSegments.contains(key) != spurious.contains(key))
            }
        }
    }

    @Test func occlusionGapsAndTracks() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        var splits = 0
        for appearance in site.truth.people.flatMap(\.appearances) {
            let pieces = try appearance.segment_ids.map { try #require(site.segment(appearance.source, $0)) }
            #expect(pieces.first?.start_time_sec == appearance.start_sec)
            #expect(pieces.last?.end_time_sec == appearance.end_sec)
            for (a, b) in zip(pieces, pieces.dropFirst()) {
                let gap = b.start_time_sec - a.end_time_sec
                #expect(gap >= 0.399 && gap <= 3.001)
                splits += 1
            }
        }
        #expect(splits > 0, "the small site should contain occlusion splits")
        // Track ids of different appearances in one camera never collide.
        var tracks = Set<String>()
        for appearance in site.truth.people.flatMap(\.appearances) {
            #expect(tracks.insert(appearance.source + "/" + appearance.track_id).inserted)
        }
    }

    @Test func activitiesHappenDuringTheirParticipants() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        #expect(site.truth.activities.contains { $0.label == "fall" })
        for activity in site.truth.activities {
            let s = try #require(site.segment(activity.source, activity.segment_id))
            #expect(s.type == "activity" && s.label == activity.label)
            #expect(activity.person_segment_ids.count == (activity.label == "fall" ? 1 : 2))
            if activity.label == "fall" { #expect((2.0...6.01).contains(s.end_time_sec - s.start_time_sec)) }
            for id in activity.person_segment_ids {
                let person = try #require(site.segment(activity.source, id))
                #expect(person.start_time_sec <= s.start_time_sec && s.end_time_sec <= person.end_time_sec)
            }
        }
    }
}
