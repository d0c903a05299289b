// Neighbour selection by the heuristic of the paper (Algorithm 4).
//
// Why the heuristic rather than the M closest: in clustered data the M closest candidates
// all sit in the same cluster, so the graph would lose the long links between clusters and
// searches would get stuck. The heuristic keeps a candidate only if it is closer to the base
// node than to every neighbour already kept, which spreads the neighbours over directions.

extension HNSWIndex {
    /// Selects up to `count` neighbours from `candidates` (nearest first) into `selected`.
    ///
    /// - Parameters:
    ///   - candidates: nodes with their distances to the base node, sorted ascending.
    ///   - count: M (or Mmax when shrinking a list).
    ///   - keepsPruned: keepPrunedConnections: fill up with discarded candidates, nearest first.
    ///   - selected: receives the chosen neighbours, nearest first.
    ///   - discarded: scratch space for the pruned candidates.
    /// - Complexity: O(|candidates| · count) distance computations in the worst case.
    @inlinable
    static func selectNeighbours(
        storage: Storage, metric: Metric, candidates: [Neighbour], count: Int, keepsPruned: Bool,
        into selected: inout [Neighbour], discarded: inout [Neighbour]
    ) {
        selected.removeAll(keepingCapacity: true)
        discarded.removeAll(keepingCapacity: true)
        for candidate in candidates {
            if selected.count >= count { break }
            let isDiverse = storage.withVector(of: candidate.id) { candidateVector in
                for kept in selected {
                    let between = storage.withVector(of: kept.id) { metric.distance(candidateVector, $0) }
                    // Closer to a kept neighbour than to the base: reachable through it.
                    if between < candidate.distance { return false }
                }
                return true
            }
            if isDiverse {
                selected.append(candidate)
            } else if keepsPruned {
                discarded.append(candidate)
            }
        }
        for candidate in discarded where selected.count < count {
            selected.append(candidate)
        }
    }
}
