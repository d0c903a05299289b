// `path`: the earliest-arrival time-respecting path between two segments. An edge X–Y
// can be used from the moment both segments exist until the later of the two ends
// (for `next`, at Y's start); a path may only use an edge no earlier than it arrived
// at X. Dijkstra on arrival time; ties broken by segment id, so answers are stable.
internal import HeapModule

/// The earliest-arriving path from one segment to another.
public struct PathQuery: Query {
    /// `SOURCE/SEGMENT_ID` or `#ID`.
    public var from: String
    /// The goal: `SOURCE/SEGMENT_ID` or `#ID`.
    public var to: String
    /// Kinds to follow; empty = all.
    public var kinds: Set<EdgeKind>

    /// A path from `from` to `to` following `kinds` (all when empty).
    public init(from: String, to: String, kinds: Set<EdgeKind> = []) {
        self.from = from
        self.to = to
        self.kinds = kinds
    }

    /// - Throws: `.notFound` for an unknown segment or when no time-respecting path exists.
    /// - Complexity: O((V + E) log V) over the reachable part of the graph.
    public func run(in snapshot: borrowing Snapshot) throws -> PathAnswer {
        let start = try snapshot.requireHit(try snapshot.segmentID(named: from))
        let goal = try snapshot.segmentID(named: to)
        var arrival: [SegmentID: Int64] = [start.segment.id: start.segment.span.startNanoseconds]
        var parent: [SegmentID: (SegmentID, EdgeEnd)] = [:]
        var heap = Heap<Arrival>([Arrival(time: start.segment.span.startNanoseconds, segment: start.segment.id)])
        var settled: Set<SegmentID> = []
        while let current = heap.popMin() {
            guard settled.insert(current.segment).inserted else { continue }
            if current.segment == goal { break }
            guard settled.count <= Limits.traversalReachMax else {
                throw StoreError(.limit, "path search reached more than \(Limits.traversalReachMax) segments; use fewer edge kinds")
            }
            guard let here = try snapshot.segment(current.segment) else { break }
            for end in try snapshot.edgeEnds(of: current.segment, kinds: kinds) {
                guard !settled.contains(end.other), let there = try snapshot.segment(end.other) else { continue }
                let opens = end.kind == .next ? there.span.startNanoseconds : max(here.span.startNanoseconds, there.span.startNanoseconds)
                let closes = end.kind == .next ? opens : max(opens, min(here.span.endNanoseconds, there.span.endNanoseconds))
                guard closes >= current.time else { continue }
                let time = max(current.time, opens)
                if let known = arrival[end.other], known <= time { continue }
                arrival[end.other] = time
                parent[end.other] = (current.segment, end)
                heap.insert(Arrival(time: time, segment: end.other))
            }
        }
        guard settled.contains(goal), let goalArrival = arrival[goal] else {
            throw StoreError(.notFound, "no time-respecting path from \(from) to \(to)")
        }
        var steps = [PathStep(hit: try snapshot.requireHit(goal), arrivalNanoseconds: goalArrival, edge: nil)]
        var cursor = goal
        while let (previous, end) = parent[cursor] {
            steps[steps.count - 1].edge = try snapshot.edge(at: end, of: previous)
            steps.append(PathStep(hit: try snapshot.requireHit(previous), arrivalNanoseconds: arrival[previous] ?? 0, edge: nil))
            cursor = previous
        }
        return PathAnswer(steps: steps.reversed())
    }
}

private struct Arrival: Comparable {
    var time: Int64
    var segment: SegmentID
    static func < (a: Self, b: Self) -> Bool { (a.time, a.segment) < (b.time, b.segment) }
}

/// One step of a path: arrive at `hit` at `arrivalNanoseconds` through `edge`.
public struct PathStep: Sendable {
    /// The step's segment.
    public var hit: SegmentHit
    /// When the path reaches the segment, in nanoseconds on the sources' clocks (UTC since 1970
    /// for wall-clock sources); for the start, its own start.
    public var arrivalNanoseconds: Int64
    /// `nil` for the start.
    public var edge: Edge?
}

/// A path's steps from start to goal.
public struct PathAnswer: Sendable, Answerable {
    /// From the start (its `edge` is `nil`) to the goal; one step when both are the same segment.
    public var steps: [PathStep]

    /// JSON (`schema/answers/path.schema.json`): an array of steps: `step` (0 = start), `edge`
    /// (`null` for the start, else `{kind, direction, properties}` seen from the previous step),
    /// every segment field, `arrival` and `arrival_ns`.
    public var answer: Answer {
        var previous: SegmentID?
        var rows: [AnswerValue] = []
        for (index, step) in steps.enumerated() {
            let edge: AnswerValue = step.edge.map { $0.answerValue(seenFrom: previous ?? step.hit.segment.id) } ?? .null
            rows.append(.object([AnswerField("step", .int(index)), AnswerField("edge", edge)] + step.hit.answerFields + [
                AnswerField("arrival", .string(TimeDisplay.format(step.arrivalNanoseconds, source: step.hit.source))),
                AnswerField("arrival_ns", .int(Int(step.arrivalNanoseconds))),
            ]))
            previous = step.hit.segment.id
        }
        return Answer(list: rows, columns: [
            AnswerColumn("step"), AnswerColumn("edge", path: ["edge", "kind"], absent: "start"), AnswerColumn("segment"),
            AnswerColumn("label"), AnswerColumn("at", path: ["arrival"]), AnswerColumn("properties", path: ["edge", "properties"], absent: "null", showsJSON: true),
        ])
    }
}
