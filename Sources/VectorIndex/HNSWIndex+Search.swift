// Searching the graph: greedy descent through the upper levels, then a best-first search
// with a bounded result set on level 0 (Algorithms 2 and 5 of the paper).
//
// Tombstones and filters: nodes that are removed or fail the filter are still expanded (they
// keep the graph connected) but never enter the result set. While fewer than ef nodes have
// been accepted the search keeps expanding, so a filtered search returns k results whenever
// k reachable nodes pass the filter, at the cost of walking more of the graph.

/// How many vectors ahead of the distance loop their cache lines are asked for. 1, 2, 4, 8
/// and all (32) were within noise of each other on the 20-camera site (2,000–2,200 QPS at ef
/// 96); asking for all at once was what the loads-as-prefetch version did.
@usableFromInline let prefetchAhead = 2

extension HNSWIndex {
    /// The `k` live vectors nearest to `query` whose id passes `filter`, nearest first.
    ///
    /// - Parameters:
    ///   - query: `dimension` floats; normalised internally for `.cosine`.
    ///   - k: number of results wanted.
    ///   - expansionSearch: ef, the size of the dynamic candidate list; defaults to
    ///     `parameters.expansionSearch` and is raised to `k` if smaller.
    ///   - filter: called with node ids; only ids for which it returns true are returned.
    /// - Returns: at most `k` results ordered by distance, then id.
    /// - Complexity: about O(ef · log N) distance computations for an unfiltered search on a
    ///   well-built graph; up to O(N) when few nodes pass the filter.
    @inlinable
    public func search(
        _ query: [Float], k: Int, expansionSearch: Int? = nil, where filter: (UInt32) -> Bool
    ) -> [SearchResult] {
        runSearch(query, k: k, expansionSearch: expansionSearch, filter: filter, checksAcceptance: true)
    }

    /// The `k` live vectors nearest to `query`, nearest first; see
    /// `search(_:k:expansionSearch:where:)`. Without removed nodes this skips the per-result
    /// acceptance checks.
    ///
    /// - Complexity: about O(ef · log N) distance computations on a well-built graph.
    @inlinable
    public func search(_ query: [Float], k: Int, expansionSearch: Int? = nil) -> [SearchResult] {
        runSearch(
            query, k: k, expansionSearch: expansionSearch, filter: { _ in true },
            checksAcceptance: records.deletedCount > 0)
    }

    /// `search(_:k:expansionSearch:where:)` with the default ef (the `VectorSearching` form).
    @inlinable
    public func search(_ query: [Float], k: Int, where filter: (UInt32) -> Bool) -> [SearchResult] {
        search(query, k: k, expansionSearch: nil, where: filter)
    }

    /// Algorithm 5: greedy descent to level 1, then a best-first search on level 0.
    @inlinable
    func runSearch(
        _ query: [Float], k: Int, expansionSearch: Int?, filter: (UInt32) -> Bool,
        checksAcceptance: Bool
    ) -> [SearchResult] {
        precondition(k >= 0, "k must not be negative")
        var buffer: [Float] = []
        swap(&buffer, &queryBuffer)
        defer { swap(&buffer, &queryBuffer) }
        prepare(query, into: &buffer)
        guard k > 0, let entry = records.entryPoint else { return [] }
        let ef = min(max(expansionSearch ?? parameters.expansionSearch, k), HNSWParameters.expansionMax)
        var work = SearchScratch()
        swap(&work, &scratch)
        defer { swap(&work, &scratch) }
        var tally = SearchCounters()
        tally.searchCount = 1
        buffer.withUnsafeBufferPointer { query in
            var current = Self.neighbour(storage: records, metric: metric, query: query, node: entry.node)
            tally.distanceCount += 1
            for level in stride(from: entry.level, to: 0, by: -1) {
                current = Self.closestGreedy(
                    storage: records, metric: metric, query: query, from: current, level: level,
                    counters: &tally)
            }
            Self.searchLayer(
                storage: records, metric: metric, query: query, entry: current, level: 0,
                expansion: ef, filter: filter, checksAcceptance: checksAcceptance,
                scratch: &work, counters: &tally)
        }
        self.tally.searchCount += tally.searchCount
        self.tally.distanceCount += tally.distanceCount
        self.tally.visitedCount += tally.visitedCount
        return work.sorted.prefix(k).map { SearchResult(id: $0.id, distance: $0.distance) }
    }

    /// The node with its distance to `query`.
    @inlinable
    static func neighbour(
        storage: Storage, metric: Metric, query: UnsafeBufferPointer<Float>, node: UInt32
    ) -> Neighbour {
        Neighbour(distance: storage.distance(from: query, to: node, metric: metric), id: node)
    }

    /// Greedy descent on one upper level: move to the closest neighbour until none is closer
    /// (Algorithm 2 with ef = 1). Tombstones are used for routing like any node.
    ///
    /// - Complexity: O(steps · M) distance computations; steps is small on upper levels.
    @inlinable
    static func closestGreedy(
        storage: Storage, metric: Metric, query: UnsafeBufferPointer<Float>, from start: Neighbour,
        level: Int, counters: inout SearchCounters
    ) -> Neighbour {
        var current = start
        var improved = true
        while improved {
            improved = false
            counters.visitedCount += 1
            let from = current.id
            storage.withNeighbours(of: from, level: level) { neighbours in
                counters.distanceCount += neighbours.count
                for id in neighbours { storage.prefetchVector(of: id) }
                for id in neighbours {
                    let distance = storage.distance(from: query, to: id, metric: metric)
                    if distance < current.distance {
                        current = Neighbour(distance: distance, id: id)
                        improved = true
                    }
                }
            }
        }
        return current
    }

    /// Best-first search on one level (Algorithm 2). Leaves the (at most `expansion`) nearest
    /// accepted nodes in `scratch.sorted`, nearest first; a node is accepted when it is live
    /// and passes `filter`. With `checksAcceptance` false every node is accepted (the caller
    /// knows there are no tombstones and no filter), which saves two calls per result.
    ///
    /// - Complexity: O(visited · degree) distance computations and O(log ef) heap work each.
    @inlinable
    static func searchLayer(
        storage: Storage, metric: Metric, query: UnsafeBufferPointer<Float>, entry: Neighbour,
        level: Int, expansion: Int, filter: (UInt32) -> Bool, checksAcceptance: Bool,
        scratch: inout SearchScratch, counters: inout SearchCounters
    ) {
        scratch.visited.reset(nodeCount: storage.nodeCount)
        scratch.candidates.removeAll()
        scratch.results.removeAll()
        _ = scratch.visited.insert(entry.id)
        scratch.candidates.push(entry)
        if !checksAcceptance || (!storage.isDeleted(entry.id) && filter(entry.id)) {
            scratch.results.push(entry)
        }
        // The farthest accepted distance once the result set is full; +∞ until then.
        var bound = scratch.results.count >= expansion ? scratch.results.top!.distance : .infinity
        while let candidate = scratch.candidates.pop() {
            if candidate.distance > bound { break }
            counters.visitedCount += 1
            // Gather the unvisited neighbours first, then compute their distances while the
            // next ones' vectors are being fetched.
            let batchCount = storage.withNeighbours(of: candidate.id, level: level) { neighbours in
                if scratch.batch.count < neighbours.count {
                    scratch.batch.append(contentsOf: repeatElement(0, count: neighbours.count - scratch.batch.count))
                }
                return scratch.batch.withUnsafeMutableBufferPointer {
                    scratch.visited.insertAll(neighbours, unvisited: $0)
                }
            }
            counters.distanceCount += batchCount
            let ahead = prefetchAhead
            scratch.batch.withUnsafeBufferPointer { batch in
                for index in 0..<min(ahead, batchCount) { storage.prefetchVector(of: batch[index]) }
            }
            for index in 0..<batchCount {
                let id = scratch.batch[index]
                if index &+ ahead < batchCount { storage.prefetchVector(of: scratch.batch[index &+ ahead]) }
                let distance = storage.distance(from: query, to: id, metric: metric)
                guard distance < bound else { continue }
                let next = Neighbour(distance: distance, id: id)
                scratch.candidates.push(next)
                if checksAcceptance { guard !storage.isDeleted(id), filter(id) else { continue } }
                scratch.results.push(next)
                if scratch.results.count > expansion { _ = scratch.results.pop() }
                if scratch.results.count >= expansion { bound = scratch.results.top!.distance }
            }
        }
        scratch.sorted.removeAll(keepingCapacity: true)
        while let farthest = scratch.results.pop() { scratch.sorted.append(farthest) }
        scratch.sorted.reverse()
    }
}
