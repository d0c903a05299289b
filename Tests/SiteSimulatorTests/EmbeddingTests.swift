// Goal: embeddings carry identity: two appearances of one person are on average much more
// similar than appearances of different people; look-alike pairs sit in between; a bag is
// similar to itself across appearances. Method: average cosines over the small site's pairs.
import Foundation
import SiteSimulator
import Testing

@Suite struct EmbeddingTests {
    @Test func samePersonMoreSimilarThanOthers() throws {
        var p = SimulatedSite.parameters()
        p.embeddingDimension = 128
        let site = try SimulatedSite(p)
        defer { site.remove() }
        let degraded = Set(site.truth.degraded.map { $0.source + "/" + $0.segment_id })
        var vectors: [[[Double]]] = []  // per person, clean segments' embeddings
        for person in site.truth.people {
            vectors.append(try person.appearances.flatMap { a in
                try a.segment_ids.filter { !degraded.contains(a.source + "/" + $0) }.map {
                    try #require(site.segment(a.source, $0)).embedding
                }
            })
        }
        var same: [Double] = [], different: [Double] = []
        for i in vectors.indices {
            for a in vectors[i].indices {
                for b in vectors[i].indices where b > a { same.append(cosine(vectors[i][a], vectors[i][b])) }
                for j in vectors.indices where j > i {
                    for other in vectors[j] { different.append(cosine(vectors[i][a], other)) }
                }
            }
        }
        let meanSame = same.reduce(0, +) / Double(same.count)
        let meanDifferent = different.reduce(0, +) / Double(different.count)
        #expect(same.count > 10)
        #expect(meanSame > 0.6 && meanSame < 0.9, "same-person mean cosine \(meanSame)")
        #expect(abs(meanDifferent) < 0.15, "different-people mean cosine \(meanDifferent)")
    }

    @Test func lookalikesAreCloserThanStrangers() throws {
        var p = SimulatedSite.parameters()
        p.lookalikeFraction = 0.5
        p.embeddingDimension = 128
        let site = try SimulatedSite(p)
        defer { site.remove() }
        #expect(!site.truth.lookalikes.isEmpty)
        for pair in site.truth.lookalikes {
            let people = try pair.map { name in try #require(site.truth.people.first { $0.person == name }) }
            let a = try #require(people[0].appearances.first), b = try #require(people[1].appearances.first)
            let c = cosine(try #require(site.segment(a.source, a.segment_ids[0])).embedding,
                           try #require(site.segment(b.source, b.segment_ids[0])).embedding)
            #expect(c > 0.3, "look-alikes \(pair) cosine \(c)")
        }
    }

    @Test func objectKeepsItsIdentity() throws {
        let site = try SimulatedSite()
        defer { site.remove() }
        var byObject: [String: [[Double]]] = [:]
        for carry in site.truth.people.flatMap(\.carries) {
            byObject[carry.object, default: []].append(try #require(site.segment(carry.source, carry.segment_id)).embedding)
        }
        let repeated = byObject.values.filter { $0.count > 1 }
        #expect(!repeated.isEmpty)
        for vectors in repeated { #expect(cosine(vectors[0], vectors[1]) > 0.4) }
    }
}
