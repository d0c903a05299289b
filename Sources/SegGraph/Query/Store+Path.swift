// `path`: the earliest-arrival time-respecting path between two segments. An edge X–Y
// can be used from the moment both segments exist until the later of the two ends
// (for `next`, at Y's start); a path may only use an edge no earlier than it arrived
// at X. Dijkstra on arrival time; ties broken by segment id, so answers are stable.
internal import HeapModule
internal import LMDB

/// One step of a path: arrive at `segment` at `arrivalNanoseconds` through `edge`.
public struct PathStep: Sendable {
    public var hit: SegmentHit
    public var arrivalNanoseconds: Int64
    /// `nil` for the start.
    public var edge: Edge?
}

private struct Arrival: Comparable {
    var time: Int64
    var segment: SegmentID
    static func < (a: Self, b: Self) -> Bool { (a.time, a.segment) < (b.time, b.segment) }
}

extension Store {
    /// - Returns: the steps from `start` to `goal`, or `nil` when no time-respecting path exists.
    /// - Complexity: O((V + E) log V) over the reachable part of the graph.
    public func path(from start: SegmentID, to goal: SegmentID, kinds: Set<EdgeKind> = []) throws -> [PathStep]? {
        try readTransaction { txn in
            guard let first = try tables.segments.get(start.rawValue, in: txn) else { throw StoreError(.notFound, "no segment \(start)") }
            guard try tables.segments.contains(goal.rawValue, in: txn) else { throw StoreError(.notFound, "no segment \(goal)") }
            var arrival: [SegmentID: Int64] = [start: first.span.startNanoseconds]
            var parent: [SegmentID: (SegmentID, EdgeEnd)] = [:]
            var heap = Heap<Arrival>([Arrival(time: first.span.startNanoseconds, segment: start)])
            var settled: Set<SegmentID> = []
            while let current = heap.popMin() {
                guard settled.insert(current.segment).inserted else { continue }
                if current.segment == goal { break }
                guard settled.count <= Limits.traversalReachMax,
                      let here = try tables.segments.get(current.segment.rawValue, in: txn) else { break }
                for end in try edgeEnds(of: current.segment, in: txn) where kinds.isEmpty || kinds.contains(end.kind) {
                    guard !settled.contains(end.other), let there = try tables.segments.get(end.other.rawValue, in: txn) else { continue }
                    let opens = end.kind == .next ? there.span.startNanoseconds : max(here.span.startNanoseconds, there.span.startNanoseconds)
                    let closes = end.kind == .next ? opens : max(opens, min(here.span.endNanoseconds, there.span.endNanoseconds))
                    guard closes >= current.time else { continue }
                    let time = max(current.time, opens)
                    if let known = arrival[end.other], (known, end.other) <= (time, end.other) { continue }
                    arrival[end.other] = time
                    parent[end.other] = (current.segment, end)
                    heap.insert(Arrival(time: time, segment: end.other))
                }
            }
            guard settled.contains(goal) else { return nil }
            let sources = try sourcesByID(in: txn)
            var steps: [PathStep] = []
            var cursor = goal
            while true {
                guard var record = try tables.segments.get(cursor.rawValue, in: txn) else { return nil }
                record.id = cursor
                let hit = SegmentHit(segment: record, source: sources[record.sourceID.rawValue]!)
                if let (previous, end) = parent[cursor] {
                    steps.append(PathStep(hit: hit, arrivalNanoseconds: arrival[cursor]!, edge: try edge(at: end, of: previous, in: txn)))
                    cursor = previous
                } else {
                    steps.append(PathStep(hit: hit, arrivalNanoseconds: arrival[cursor]!, edge: nil))
                    break
                }
            }
            return steps.reversed()
        }
    }
}
