// `eval links`: the store's derived edges scored against a simulated site's truth, per kind.
// Precision = edges found that the truth has / edges found; recall = truth edges found / truth
// edges. For `same_as` the truth is a person, not a list of edges: an edge is right when both
// ends show the same person, and recall is the share of hand-offs (consecutive sightings on
// different cameras) joined by a direct edge. Only the simulated cameras' segments are scored.

/// Scores the edges of every kind the simulator's truth describes.
public struct LinkEvaluationQuery: Query {
    public var truth: SiteTruth

    public init(truth: SiteTruth) {
        self.truth = truth
    }

    static let scoredKinds: [EdgeKind] = [.next, .holds, .wears, .rides, .during, .sameAs]

    /// - Complexity: O(segments + edges) in one snapshot.
    public func run(in snapshot: borrowing Snapshot) throws -> LinkEvaluation {
        let sources = try snapshot.sourcesByID()
        var names: [SegmentID: String] = [:]
        try snapshot.scanAllSegments { segment in
            guard let source = sources[segment.sourceID.rawValue]?.name, truth.sources.contains(source) else { return }
            names[segment.id] = "\(source)/\(segment.externalID)"
        }
        var found: [EdgeKind: Set<String>] = [:]
        var linked: Set<[String]> = []  // same_as pairs, each sorted
        for (id, name) in names {
            for end in try snapshot.edgeEnds(of: id, kinds: Set(Self.scoredKinds)) where end.direction == .outgoing {
                guard let other = names[end.other] else { continue }
                if end.kind == .sameAs {
                    linked.insert([name, other].sorted())
                } else {
                    found[end.kind, default: []].insert("\(name)->\(other)")
                }
            }
        }
        var scores = Self.scoredKinds.filter { $0 != .sameAs }.map { kind in
            let expected = truth.expected[kind.description] ?? []
            let predicted = found[kind] ?? []
            let correct = predicted.intersection(expected).count
            return LinkScore(kind: kind.description, expected: expected.count, found: predicted.count,
                             correct: correct, recallCorrect: correct)
        }
        let right = linked.filter { pair in
            guard let person = truth.personOf[pair[0]] else { return false }
            return person == truth.personOf[pair[1]]
        }.count
        let covered = truth.handOffs.filter { pair in
            pair.earlier.contains { a in pair.later.contains { b in linked.contains([a, b].sorted()) } }
        }.count
        scores.append(LinkScore(kind: EdgeKind.sameAs.description, expected: truth.handOffs.count, found: linked.count,
                                correct: right, recallCorrect: covered))
        return LinkEvaluation(scores: scores)
    }
}

/// One kind's counts. `correct` counts found edges the truth confirms (precision);
/// `recallCorrect` counts truth items found (recall) — the same number except for `same_as`,
/// where it counts hand-offs linked directly.
public struct LinkScore: Sendable, Equatable {
    public var kind: String
    public var expected: Int
    public var found: Int
    public var correct: Int
    public var recallCorrect: Int

    /// 1 when nothing was found (no wrong edge).
    public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
    /// 1 when nothing was expected.
    public var recall: Double { expected == 0 ? 1 : Double(recallCorrect) / Double(expected) }
}

/// Precision and recall per edge kind.
public struct LinkEvaluation: Sendable, Answerable {
    public var scores: [LinkScore]

    public var answer: Answer {
        let rows = scores.map { score in
            AnswerValue.object([
                AnswerField("kind", .string(score.kind)), AnswerField("expected", .int(score.expected)),
                AnswerField("found", .int(score.found)), AnswerField("correct", .int(score.correct)),
                AnswerField("precision", .rounded(score.precision, 4)), AnswerField("recall", .rounded(score.recall, 4)),
            ])
        }
        return Answer(list: rows, columns: ["kind", "expected", "found", "correct", "precision", "recall"].map { AnswerColumn($0) },
                      notes: ["same_as: expected = hand-offs (consecutive sightings on different cameras); correct = edges joining one person; recall = hand-offs joined by a direct edge"])
    }
}
