// Goal: people move physically: consecutive appearances are in adjacent cameras, never overlap
// in wall-clock time, and the gap allows the walk between camera positions at the person's
// speed. Method: convert each appearance to wall clock via its camera's start_time and check.
import Foundation
import SiteSimulator
import Testing

@Suite struct TransitTests {
    @Test func transitsRespectDistanceAndSpeed() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        var transits = 0
        for person in site.truth.people {
            #expect(!person.appearances.isEmpty)
            for (a, b) in zip(person.appearances, person.appearances.dropFirst()) {
                let from = try #require(site.document(a.source)).source
                let to = try #require(site.document(b.source)).source
                #expect(from.adjacent.contains(to.id), "\(person.person): \(a.source) → \(b.source) not adjacent")
                let gap = site.wallClock(b.source, b.start_sec) - site.wallClock(a.source, a.end_sec)
                let distance = ((from.position.x - to.position.x) * (from.position.x - to.position.x)
                    + (from.position.y - to.position.y) * (from.position.y - to.position.y)).squareRoot()
                #expect(gap > 0, "\(person.person) in two cameras at once")
                #expect(gap * person.speed_mps >= distance - 0.05,
                        "\(person.person): \(distance) m in \(gap) s at \(person.speed_mps) m/s")
                transits += 1
            }
        }
        #expect(transits > 10)
    }

    @Test func peopleEnterAndLeaveThroughEntrances() throws {
        var p = SimulatedSite.parameters()
        p.hours = 0.5  // long enough that most walks finish before the end
        let site = try SimulatedSite(p)
        defer { site.remove() }
        for person in site.truth.people {
            let first = try #require(person.appearances.first)
            #expect(try #require(site.document(first.source)).source.entrance)
        }
        let finished = site.truth.people.filter { person in
            site.document(person.appearances.last!.source)!.source.entrance
        }
        #expect(finished.count * 2 > site.truth.people.count)
    }
}
