// `relink`: drop every edge and derive them again with the current configuration.
internal import LMDB

extension Store {
    /// Recomputes all derived edges in one write transaction.
    /// - Returns: edges per kind afterwards.
    /// - Complexity: O(n · c) for n segments and c concurrent segments per source.
    @discardableResult
    public func relink() throws -> [EdgeKind: Int] {
        guard !isReadOnly else { throw StoreError(.readOnly, "\(path): store is open read-only") }
        // Edges (and the topology) change: answers and ETags must follow.
        return try writeChangingAnswers { txn in
            let reference = txn.unsafeReference()
            try tables.adjacency.removeAll(in: txn)
            try tables.edgeProperties.removeAll(in: txn)
            var work = LinkWork()
            try tables.segments.scanRaw(in: txn) { key, _ in
                work.newSegments.append(SegmentID(rawValue: try UInt64(decoding: key)))
                return true
            }
            let settings = try self.configuration(in: txn)
            var linker = try Linker(store: self, txn: reference, configuration: settings)
            try linker.link(work)
            try relearnTopology(configuration: settings, in: reference)
            return linker.added
        }
    }
}
