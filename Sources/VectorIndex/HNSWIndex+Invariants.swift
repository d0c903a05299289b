// Executable invariants of the graph, checked by the tests after every kind of change.
//
// Why always compiled (not behind a flag as in swift-collections): the check is only ever
// called explicitly, costs nothing when not called, and the LMDB-backed storage will want to
// run it from `seggraph check` on a store, not only from tests.

/// What `HNSWIndex.checkInvariants()` found.
public struct HNSWInvariantReport: Hashable, Sendable {
    /// Broken structural rules, one readable line each (empty when the graph is sound).
    public var violations: [String] = []
    /// Live nodes that level-0 links do not reach from the entry point. Not a structural
    /// error (the heuristic may orphan a node), but such nodes cannot be found by search.
    public var unreachable: [UInt32] = []

    /// True when no structural rule is broken.
    public var isSound: Bool { violations.isEmpty }
}

extension HNSWIndex {
    /// Checks degree bounds per level, link targets (in range, not self, high enough level,
    /// no repeats), the entry point, the live count, and level-0 reachability.
    ///
    /// - Complexity: O(N · M) time and O(N) memory.
    public func checkInvariants() -> HNSWInvariantReport {
        var report = HNSWInvariantReport()
        let nodeCount = storage.nodeCount
        var live = 0
        for index in 0..<nodeCount {
            let node = UInt32(index)
            if !storage.isDeleted(node) { live += 1 }
            for level in 0...storage.level(of: node) {
                checkList(of: node, level: level, into: &report.violations)
            }
        }
        if live != count { report.violations.append("stored live count \(count) ≠ live nodes \(live)") }
        checkEntryPoint(into: &report.violations)
        report.unreachable = unreachableLiveNodes()
        return report
    }

    func checkList(of node: UInt32, level: Int, into violations: inout [String]) {
        let nodeCount = storage.nodeCount
        storage.withNeighbours(of: node, level: level) { neighbours in
            if neighbours.count > parameters.degreeMax(level: level) {
                violations.append("node \(node) level \(level): degree \(neighbours.count) > bound")
            }
            if Set(neighbours).count != neighbours.count {
                violations.append("node \(node) level \(level): repeated neighbour")
            }
            for id in neighbours {
                if Int(id) >= nodeCount {
                    violations.append("node \(node) level \(level): link to \(id) out of range")
                } else if id == node {
                    violations.append("node \(node) level \(level): link to itself")
                } else if storage.level(of: id) < level {
                    violations.append("node \(node) level \(level): link to \(id) below this level")
                }
            }
        }
    }

    func checkEntryPoint(into violations: inout [String]) {
        guard let entry = storage.entryPoint else {
            if storage.nodeCount > 0 { violations.append("no entry point in a non-empty graph") }
            return
        }
        guard Int(entry.node) < storage.nodeCount else {
            violations.append("entry point \(entry.node) out of range")
            return
        }
        if storage.level(of: entry.node) != entry.level {
            violations.append("entry point level \(entry.level) ≠ node level")
        }
        for index in 0..<storage.nodeCount where !storage.isDeleted(UInt32(index)) {
            if storage.level(of: UInt32(index)) > entry.level {
                violations.append("live node \(index) above the entry point's level")
            }
        }
    }

    /// Breadth-first walk of level 0 from the entry point, through tombstones as searches do.
    func unreachableLiveNodes() -> [UInt32] {
        let nodeCount = storage.nodeCount
        guard let entry = storage.entryPoint, nodeCount > 0 else { return [] }
        var seen = [Bool](repeating: false, count: nodeCount)
        var queue: [UInt32] = [entry.node]
        seen[Int(entry.node)] = true
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            storage.withNeighbours(of: node, level: 0) { neighbours in
                for id in neighbours where Int(id) < nodeCount && !seen[Int(id)] {
                    seen[Int(id)] = true
                    queue.append(id)
                }
            }
        }
        return (0..<nodeCount).compactMap { index in
            !seen[index] && !storage.isDeleted(UInt32(index)) ? UInt32(index) : nil
        }
    }
}
