// Where each block of one kind (vectors or level-0 lists) lies in the map, filled as a search
// reaches it, and where a node's slot is in it. A plain pointer table with the two numbers the
// slot arithmetic needs, rather than an array in a class, a key path into one or the
// `HNSWBlocks` value (which holds a generic table handle): this runs for every vector a
// search touches, and those paid a retain, an exclusivity check, a key-path projection or a
// generic copy per read (a sixth of a search's time when they did).

final class HNSWBlockBases {
    private let bases: UnsafeMutablePointer<UnsafeRawPointer?>
    /// Blocks the index had when the table was made; later blocks are never cached.
    let count: Int
    let slotsPerBlock: Int
    let slotBytes: Int

    /// Nodes the blocks hold as looked up (a writer's later nodes are not in them yet).
    let nodeCount: Int

    init(_ blocks: HNSWBlocks, nodeCount: Int) {
        self.nodeCount = nodeCount
        count = blocks.blockCount(nodeCount: nodeCount)
        slotsPerBlock = blocks.slotsPerBlock
        slotBytes = blocks.slotBytes
        bases = .allocate(capacity: max(count, 1))
        bases.initialize(repeating: nil, count: max(count, 1))
    }

    deinit { bases.deallocate() }

    /// The node's slot, or nil when its block has not been looked up yet (or the node is past
    /// `nodeCount`).
    @inline(__always)
    func slot(of node: UInt32) -> UnsafeRawPointer? {
        guard Int(node) < nodeCount, let base = bases[Int(node) / slotsPerBlock] else { return nil }
        return base + (Int(node) % slotsPerBlock) * slotBytes
    }

    func set(_ base: UnsafeRawPointer, block: Int) {
        guard block < count else { return }
        bases[block] = base
    }
}
