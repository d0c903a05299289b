// `eval trace`: the trace against a simulated site's truth, beside today's naive answer (the
// seed's closure over `next` and `same_as` edges), on the same random questions in one
// snapshot. A question: a random person sighting as seed and a window of 10–60 min placed
// randomly around it; the truth is that person's sightings that intersect the window.
// Micro precision and recall over sightings, and the share of questions answered exactly.
internal import VectorIndex

/// Scores `trace` and the naive edge closure on random questions.
public struct TraceEvaluationQuery: Query {
    public var truth: SiteTruth
    public var queries: Int
    public var seed: UInt64
    public var windowMinutes: ClosedRange<Int>

    public init(truth: SiteTruth, queries: Int = 1000, seed: UInt64 = 1, windowMinutes: ClosedRange<Int> = 10...60) {
        self.truth = truth
        self.queries = queries
        self.seed = seed
        self.windowMinutes = windowMinutes
    }

    /// - Throws: `.invalidArgument` for a query count outside 1…100000 or a truth with no
    ///   person stored in this store.
    public func run(in snapshot: borrowing Snapshot) throws -> TraceEvaluation {
        guard (1...100_000).contains(queries) else {
            throw StoreError(.invalidArgument, "queries must be in 1…100000", parameter: "queries")
        }
        var members: [String: [String]] = [:]
        for (name, person) in truth.personOf { members[person, default: []].append(name) }
        var stored: [String] = []
        for name in truth.personOf.keys.sorted() where (try? snapshot.segmentID(named: name)) != nil { stored.append(name) }
        guard !stored.isEmpty else {
            throw StoreError(.invalidArgument, "none of the truth's sightings is in this store (wrong --truth?)", parameter: "truth")
        }
        var random = SplitMix64(seed: seed)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        var trace = TraceScore(method: "trace"), closure = TraceScore(method: "closure")
        for _ in 0..<queries {
            let seedName = stored[below(stored.count)]
            let minutes = Double(windowMinutes.lowerBound + below(windowMinutes.count))
            let before = Double(below(1000)) / 1000
            let seedHit = try snapshot.requireHit(try snapshot.segmentID(named: seedName))
            let start = seedHit.segment.span.startNanoseconds - Int64(before * minutes * 60e9)
            let window = TimeSpan(startNanoseconds: start, endNanoseconds: start + Int64(minutes * 60e9))!
            var expected: Set<String> = []
            for name in members[truth.personOf[seedName]!] ?? [] {
                if let id = try? snapshot.segmentID(named: name), let hit = try snapshot.hit(id), hit.segment.span.overlaps(window) {
                    expected.insert(hit.name)
                }
            }
            var query = TraceQuery(seed: .segment(seedName))
            query.exactWindow = window
            let answer = try query.run(in: snapshot)
            trace.add(Set(answer.visits.flatMap { $0.sightings.map(\.hit.name) }), truth: expected)
            var naive: Set<String> = []
            for id in try snapshot.identity(of: seedHit.segment.id) {
                if let hit = try snapshot.hit(id), hit.segment.span.overlaps(window) { naive.insert(hit.name) }
            }
            closure.add(naive, truth: expected)
        }
        return TraceEvaluation(scores: [trace, closure], queries: queries, seed: seed)
    }
}

/// One method's micro counts over all questions.
public struct TraceScore: Sendable {
    public var method: String
    public var truePositives = 0, returned = 0, relevant = 0, exact = 0, questions = 0

    public var precision: Double { returned == 0 ? 1 : Double(truePositives) / Double(returned) }
    public var recall: Double { relevant == 0 ? 1 : Double(truePositives) / Double(relevant) }
    public var exactRate: Double { questions == 0 ? 0 : Double(exact) / Double(questions) }

    init(method: String) { self.method = method }

    mutating func add(_ answer: Set<String>, truth: Set<String>) {
        truePositives += answer.intersection(truth).count
        returned += answer.count
        relevant += truth.count
        questions += 1
        if answer == truth { exact += 1 }
    }
}

/// The trace and the naive closure, side by side.
public struct TraceEvaluation: Sendable, Answerable {
    public var scores: [TraceScore]
    public var queries: Int
    public var seed: UInt64

    public var answer: Answer {
        Answer(list: scores.map { score in
            .object([
                AnswerField("method", .string(score.method)), AnswerField("queries", .int(score.questions)),
                AnswerField("precision", .rounded(score.precision, 4)), AnswerField("recall", .rounded(score.recall, 4)),
                AnswerField("exact", .rounded(score.exactRate, 4)),
                AnswerField("returned", .int(score.returned)), AnswerField("relevant", .int(score.relevant)),
            ])
        }, columns: ["method", "queries", "precision", "recall", "exact", "returned", "relevant"].map { AnswerColumn($0) },
        notes: ["micro precision/recall over sightings; exact = share of questions answered exactly; closure = the seed's next/same_as closure (seed \(seed))"])
    }
}
