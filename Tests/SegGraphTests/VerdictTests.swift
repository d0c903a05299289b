// Goal: an investigator's verdicts change the trace as promised and outlive everything that
// recomputes edges; a recorded trace answer can be verified, and an edit or a changed store is
// caught. Method: the hand-built three-camera stores of TraceRuleTests; verdicts recorded
// through the library, then relink, `import --replace` and a fresh store restored from
// `link list`; answers compared by the sightings they hold and by their bytes.
import Foundation
import SegGraph
import Testing
import TestSupport

@Suite struct VerdictTests {
    /// The person on cam_a and cam_b (cosine 0.99, linked by same_as); a stranger on cam_c
    /// later (cosine 0.2 to the person: no edge, and too dissimilar to be accepted).
    static func twoSightingsAndAStranger() throws -> StoreFixture {
        let fixture = try StoreFixture()
        _ = try fixture.importFile(fixture.directory.write("a.json", documentJSON(source: "cam_a", segments: [
            segmentJSON("seed", start: 0, end: 10, track: "t1", embedding: TraceRuleTests.vector(0)),
        ])))
        _ = try fixture.importFile(fixture.directory.write("b.json", documentJSON(source: "cam_b", segments: [
            segmentJSON("later", start: 100, end: 110, track: "t2", embedding: TraceRuleTests.vector(0.15)),
        ])))
        _ = try fixture.importFile(fixture.directory.write("c.json", documentJSON(source: "cam_c", segments: [
            segmentJSON("stranger", start: 200, end: 210, track: "t3", embedding: TraceRuleTests.vector(1.37, axis: 2)),
        ])))
        return fixture
    }

    static func traced(_ fixture: StoreFixture) throws -> [String] {
        TraceRuleTests.names(try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed"))))
    }

    @Test func aRejectedLinkIsNeverFollowedAndAConfirmedOneAlways() throws {
        let fixture = try Self.twoSightingsAndAStranger()
        #expect(try Self.traced(fixture) == ["cam_a/seed", "cam_b/later"])
        try fixture.store.recordVerdict(.reject, between: "cam_b/later", and: "cam_a/seed", by: "K. Obi", note: "other shoes")
        #expect(try Self.traced(fixture) == ["cam_a/seed"])
        try fixture.store.recordVerdict(.confirm, between: "cam_a/seed", and: "cam_c/stranger", by: "K. Obi")
        let answer = try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed"), explain: true))
        #expect(TraceRuleTests.names(answer) == ["cam_a/seed", "cam_c/stranger"])
        #expect(answer.visits.last?.sightings.first?.rule == .confirmed)
        #expect(Set(answer.verdicts.map(\.decision)) == [.reject, .confirm])
        #expect(Set(answer.verdicts.map(\.second)) == ["cam_c/stranger", "cam_b/later"])
        // Withdrawn: back to the derived edges.
        try fixture.store.withdrawVerdict(between: "cam_a/seed", and: "cam_b/later")
        try fixture.store.withdrawVerdict(between: "cam_c/stranger", and: "cam_a/seed")
        #expect(try Self.traced(fixture) == ["cam_a/seed", "cam_b/later"])
        #expect(try fixture.store.check().isConsistent)
    }

    @Test func verdictsOutliveRelinkReimportAndARebuild() throws {
        let fixture = try Self.twoSightingsAndAStranger()
        try fixture.store.recordVerdict(.reject, between: "cam_a/seed", and: "cam_b/later", by: "K. Obi")
        try fixture.store.relink()
        #expect(try Self.traced(fixture) == ["cam_a/seed"])
        _ = try fixture.importFile(fixture.directory.file("b.json"), replace: true)
        #expect(try Self.traced(fixture) == ["cam_a/seed"], "the verdict is kept by name across a re-import")
        let saved = try fixture.store.run(VerdictsQuery()).verdicts
        #expect(saved.count == 1 && saved[0].by == "K. Obi")
        // A store rebuilt from the same files gets the verdicts back from `link list`.
        let rebuilt = try StoreFixture()
        for file in ["a.json", "b.json", "c.json"] { _ = try rebuilt.importFile(fixture.directory.file(file)) }
        #expect(try Self.traced(rebuilt) == ["cam_a/seed", "cam_b/later"])
        try rebuilt.store.restoreVerdicts(saved)
        #expect(try Self.traced(rebuilt) == ["cam_a/seed"])
    }

    @Test func aVerdictNeedsTwoKnownSegmentsAndAnAuthor() throws {
        let fixture = try Self.twoSightingsAndAStranger()
        #expect(throws: StoreError.self) { try fixture.store.recordVerdict(.confirm, between: "cam_a/seed", and: "cam_a/nope", by: "x") }
        #expect(throws: StoreError.self) { try fixture.store.recordVerdict(.confirm, between: "cam_a/seed", and: "cam_a/seed", by: "x") }
        #expect(throws: StoreError.self) { try fixture.store.recordVerdict(.confirm, between: "cam_a/seed", and: "cam_b/later", by: "  ") }
        #expect(throws: StoreError.self) { try fixture.store.withdrawVerdict(between: "cam_a/seed", and: "cam_b/later") }
        #expect(try fixture.store.run(VerdictsQuery()).verdicts.isEmpty)
    }

    @Test func aRecordedAnswerVerifiesUntilTheFileOrTheStoreChanges() throws {
        let fixture = try Self.twoSightingsAndAStranger()
        let json = try fixture.store.run(TraceQuery(seed: .segment("cam_a/seed"))).answer.json + "\n"
        let verify = { (text: String) in try fixture.store.run(TraceVerificationQuery(answer: Array(text.utf8), fileName: "evidence.json")) }
        let same = try verify(json)
        #expect(same.verified && same.fileIntact && same.identical && same.sameStore)
        let edited = try verify(json.replacingOccurrences(of: "\"segments\":1", with: "\"segments\":2"))
        #expect(!edited.verified && !edited.fileIntact)
        try fixture.store.recordVerdict(.reject, between: "cam_a/seed", and: "cam_b/later", by: "K. Obi")
        let changed = try verify(json)
        #expect(!changed.verified && changed.fileIntact && changed.changedFields.contains("visits"))
        #expect(throws: StoreError.self) { try verify("{\"query\": 1}") }
    }
}
