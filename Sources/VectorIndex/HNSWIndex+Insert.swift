// Inserting a node (Algorithm 1 of the paper): draw a level, descend greedily to that
// level, then on each level from there down to 0 find efConstruction candidates, link the
// node to the M chosen by the heuristic, and link each of them back, shrinking any list that
// overflows its bound with the same heuristic.

extension HNSWIndex {
    /// Adds a vector and returns its node id (ids are dense: 0, 1, 2, …).
    ///
    /// - Parameter vector: `dimension` finite floats; normalised first for `.cosine`.
    /// - Returns: the new node id.
    /// - Precondition: `vector.count == dimension`, all elements finite, fewer than 2³² − 1
    ///   nodes.
    /// - Complexity: O(efConstruction · log N) distance computations for the searches, plus
    ///   O(M · Mmax²) for shrinking the lists of the new neighbours.
    @inlinable
    @discardableResult
    public func add(_ vector: [Float]) -> UInt32 {
        precondition(vector.allSatisfy(\.isFinite), "vector has a non-finite element")
        var buffer: [Float] = []
        swap(&buffer, &queryBuffer)
        defer { swap(&buffer, &queryBuffer) }
        prepare(vector, into: &buffer)
        let level = drawLevel()
        let node = buffer.withUnsafeBufferPointer { records.appendNode(vector: $0, level: level) }
        // With no live node left (everything removed), tombstones cannot yield neighbours:
        // the new node starts a fresh graph and the tombstones become unreachable.
        guard let entry = records.entryPoint, count > 1 else {
            records.setEntryPoint(HNSWEntryPoint(node: node, level: level))
            return node
        }
        var work = SearchScratch()
        swap(&work, &scratch)
        defer { swap(&work, &scratch) }
        buffer.withUnsafeBufferPointer { query in
            connect(node: node, query: query, level: level, entry: entry, scratch: &work)
        }
        if level > entry.level {
            records.setEntryPoint(HNSWEntryPoint(node: node, level: level))
        }
        return node
    }

    /// Links a freshly appended node into levels `min(level, entry.level)...0`.
    @inlinable
    func connect(
        node: UInt32, query: UnsafeBufferPointer<Float>, level: Int, entry: HNSWEntryPoint,
        scratch: inout SearchScratch
    ) {
        var tally = SearchCounters()  // construction work is not counted as search work
        var current = Self.neighbour(storage: records, metric: metric, query: query, node: entry.node)
        for upper in stride(from: entry.level, to: level, by: -1) {
            current = Self.closestGreedy(
                storage: records, metric: metric, query: query, from: current, level: upper,
                counters: &tally)
        }
        for layer in stride(from: min(level, entry.level), through: 0, by: -1) {
            // No filter: the new node has no in-links yet, so the search cannot reach it.
            Self.searchLayer(
                storage: records, metric: metric, query: query, entry: current, level: layer,
                expansion: parameters.expansionAdd, filter: { _ in true },
                checksAcceptance: records.deletedCount > 0,
                scratch: &scratch, counters: &tally)
            guard let nearest = scratch.sorted.first else { continue }
            current = nearest
            Self.selectNeighbours(
                storage: records, metric: metric, candidates: scratch.sorted,
                count: parameters.connectivity, keepsPruned: parameters.keepsPrunedConnections,
                into: &scratch.selected, discarded: &scratch.discarded)
            scratch.ids.removeAll(keepingCapacity: true)
            for chosen in scratch.selected { scratch.ids.append(chosen.id) }
            scratch.ids.withUnsafeBufferPointer { records.setNeighbours($0, of: node, level: layer) }
            for chosen in scratch.selected {
                link(chosen.id, to: node, distance: chosen.distance, level: layer, scratch: &scratch)
            }
        }
    }

    /// Adds `target` to the list of `source` on `level`; when the list is full, rebuilds it
    /// from the old members plus `target` with the selection heuristic, dropping tombstones.
    ///
    /// - Complexity: O(1) when the list has room, else O(Mmax²) distance computations.
    @inlinable
    func link(
        _ source: UInt32, to target: UInt32, distance: Float, level: Int,
        scratch: inout SearchScratch
    ) {
        scratch.ids.removeAll(keepingCapacity: true)
        records.withNeighbours(of: source, level: level) { scratch.ids.append(contentsOf: $0) }
        if scratch.ids.count < parameters.degreeMax(level: level) {
            scratch.ids.append(target)
        } else {
            scratch.pool.removeAll(keepingCapacity: true)
            scratch.pool.append(Neighbour(distance: distance, id: target))
            appendLive(scratch.ids, around: source, to: &scratch.pool)
            rebuildList(of: source, level: level, scratch: &scratch)
            return
        }
        scratch.ids.withUnsafeBufferPointer { records.setNeighbours($0, of: source, level: level) }
    }

    /// Appends the live nodes among `ids` to `pool`, with their distances to `center`.
    @inlinable
    func appendLive(_ ids: [UInt32], around center: UInt32, to pool: inout [Neighbour]) {
        records.withVector(of: center) { centerVector in
            for id in ids where !records.isDeleted(id) && id != center {
                let distance = records.withVector(of: id) { metric.distance(centerVector, $0) }
                pool.append(Neighbour(distance: distance, id: id))
            }
        }
    }

    /// Sorts `scratch.pool`, removes duplicates, selects at most `degreeMax(level)` with the
    /// heuristic and writes them as the list of `node` on `level`.
    @inlinable
    func rebuildList(of node: UInt32, level: Int, scratch: inout SearchScratch) {
        Self.sortUnique(&scratch.pool)
        Self.selectNeighbours(
            storage: records, metric: metric, candidates: scratch.pool,
            count: parameters.degreeMax(level: level), keepsPruned: parameters.keepsPrunedConnections,
            into: &scratch.selected, discarded: &scratch.discarded)
        scratch.ids.removeAll(keepingCapacity: true)
        for chosen in scratch.selected { scratch.ids.append(chosen.id) }
        scratch.ids.withUnsafeBufferPointer { records.setNeighbours($0, of: node, level: level) }
    }

    /// Sorts by distance, then id, and drops repeated ids.
    @inlinable
    static func sortUnique(_ pool: inout [Neighbour]) {
        pool.sort { ($0.distance, $0.id) < ($1.distance, $1.id) }
        var unique = 0
        for index in pool.indices where unique == 0 || pool[index].id != pool[unique - 1].id {
            // Equal ids have equal distances, so after sorting duplicates are adjacent.
            pool[unique] = pool[index]
            unique += 1
        }
        pool.removeLast(pool.count - unique)
    }
}
