// The neighbour lists above level 0 of one space's index, read once per store generation and
// shared by every search of that generation. A search's greedy descent reads a few dozen of
// them, each a B-tree lookup and a copy (12 % of a quick search), while all of them together
// are small: about one node in M has any (~2,000 lists, ~130 KB for the 20-camera site).
internal import LMDB

final class HNSWUpperLists: Sendable {
    /// node << 8 | level → neighbour ids.
    private let lists: [UInt64: [UInt32]]

    init(lists: [UInt64: [UInt32]]) { self.lists = lists }

    /// The node's list on `level` (≥ 1); empty when it has none.
    func list(of node: UInt32, level: Int) -> [UInt32] { lists[UInt64(node) << 8 | UInt64(level)] ?? [] }
}

extension Snapshot {
    /// `space`'s upper-level lists, read on the first search of this generation. Only for an
    /// index with level-0 list blocks (in an older one, `hnsw_links` also holds every level-0
    /// list, which is not worth holding in memory).
    func hnswUpperLists(space: UInt32, header: HNSWHeader) throws -> HNSWUpperLists? {
        guard header.listsPerBlock != nil else { return nil }
        return try store.hnswUpperListsCache.entry(space, generation: generation) {
            var lists: [UInt64: [UInt32]] = [:]
            try tables.hnswLinks.scanRaw(in: txn, from: encode32(space), to: encode32(space + 1)) { key, value in
                guard key.count == 9, key[8] > 0 else { return true }
                let node = UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                lists[UInt64(node) << 8 | UInt64(key[8])] = (0..<value.count / 4).map { value.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self) }
                return true
            }
            return HNSWUpperLists(lists: lists)
        }
    }
}
