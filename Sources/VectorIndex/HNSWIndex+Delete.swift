// Removing a node: a tombstone plus repair of the lists that pointed to it.
//
// Why tombstones: node ids are dense and may be referenced from outside (segment records),
// and rebuilding the graph around a hole is expensive. The removed node keeps its own links,
// so paths through it still work; searches expand it but never return it. Its neighbours
// that linked back to it get their list rebuilt from their other neighbours plus the removed
// node's neighbours, with the selection heuristic, so the area does not thin out as nodes
// are removed. Nodes that linked to it one-way without being its neighbours keep that link
// (finding them would need a reverse index or an O(N) scan); they still route through it.

extension HNSWIndex {
    /// Removes the vector with id `id`: later searches never return it. A second removal of
    /// the same id is a no-op.
    ///
    /// - Precondition: `id < storage.nodeCount`.
    /// - Complexity: O(L · M · Mmax²) distance computations for the repair (L = the node's
    ///   level), plus O(N) if the node was the entry point.
    @inlinable
    public func remove(_ id: UInt32) {
        precondition(Int(id) < records.nodeCount, "node id \(id) out of range")
        guard !records.isDeleted(id) else { return }
        records.setDeleted(id)
        var work = SearchScratch()
        swap(&work, &scratch)
        defer { swap(&work, &scratch) }
        for level in 0...records.level(of: id) {
            repairLinks(around: id, level: level, scratch: &work)
        }
        if records.entryPoint?.node == id {
            records.setEntryPoint(liveEntryPoint() ?? records.entryPoint)
        }
    }

    /// Rebuilds, on `level`, the list of every live neighbour of `removed` that links back.
    @inlinable
    func repairLinks(around removed: UInt32, level: Int, scratch: inout SearchScratch) {
        let orphans = records.withNeighbours(of: removed, level: level) { Array($0) }
        for neighbour in orphans where !records.isDeleted(neighbour) {
            scratch.ids.removeAll(keepingCapacity: true)
            records.withNeighbours(of: neighbour, level: level) { scratch.ids.append(contentsOf: $0) }
            guard scratch.ids.contains(removed) else { continue }
            scratch.pool.removeAll(keepingCapacity: true)
            appendLive(scratch.ids, around: neighbour, to: &scratch.pool)
            appendLive(orphans, around: neighbour, to: &scratch.pool)
            rebuildList(of: neighbour, level: level, scratch: &scratch)
        }
    }

    /// The live node with the highest level (lowest id among equals), or nil if none is live.
    ///
    /// - Complexity: O(N).
    @usableFromInline
    func liveEntryPoint() -> HNSWEntryPoint? {
        var best: HNSWEntryPoint?
        for index in 0..<records.nodeCount {
            let node = UInt32(index)
            guard !records.isDeleted(node) else { continue }
            let level = records.level(of: node)
            if best == nil || level > best!.level { best = HNSWEntryPoint(node: node, level: level) }
        }
        return best
    }
}
