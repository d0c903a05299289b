// The block tables of an HNSW index (vectors, level-0 neighbour lists) share one layout:
// node n is slot n % slotsPerBlock of block n / slotsPerBlock, and every block is stored at
// its full size, so a reader can find a slot in a block it looked up once. One type says so
// for the readers, the writer's flush, the conversion of older indexes and `check`.
internal import Foundation
internal import LMDB
internal import VectorIndex

struct HNSWBlocks {
    /// `nil` when an older store without the table is opened read-only.
    let table: Table<[UInt8], [UInt8]>?
    let space: UInt32
    let slotsPerBlock: Int
    let slotBytes: Int

    /// The vector blocks of an index written with them.
    static func vectors(of header: HNSWHeader, space: UInt32, tables: StoreTables) -> HNSWBlocks? {
        header.vectorsPerBlock.map {
            HNSWBlocks(table: tables.hnswVectorBlocks, space: space, slotsPerBlock: $0, slotBytes: header.dimension * 4)
        }
    }

    /// The level-0 list blocks of an index written with them.
    static func levelZeroLists(of header: HNSWHeader, space: UInt32, tables: StoreTables) -> HNSWBlocks? {
        header.listsPerBlock.map {
            HNSWBlocks(table: tables.hnswLinkBlocks, space: space, slotsPerBlock: $0,
                       slotBytes: HNSWHeader.listSlotBytes(connectivity: header.connectivity))
        }
    }

    /// The int8 code blocks of a quantized index.
    static func codes(of header: HNSWHeader, space: UInt32, tables: StoreTables) -> HNSWBlocks? {
        guard header.quantization == VectorQuantization.int8.rawValue, let perBlock = header.codesPerBlock else { return nil }
        return HNSWBlocks(table: tables.hnswCodeBlocks, space: space, slotsPerBlock: perBlock,
                          slotBytes: Int8Codes.slotBytes(dimension: header.dimension))
    }

    var blockBytes: Int { slotsPerBlock * slotBytes }
    func block(of node: UInt32) -> Int { Int(node) / slotsPerBlock }
    func offset(of node: UInt32) -> Int { (Int(node) % slotsPerBlock) * slotBytes }
    /// Blocks an index of `nodeCount` nodes has.
    func blockCount(nodeCount: Int) -> Int { (nodeCount + slotsPerBlock - 1) / slotsPerBlock }

    /// u32 space | u32 block, big-endian.
    func key(_ block: Int) -> [UInt8] {
        var w = ByteWriter(capacity: 8)
        w.write(space)
        w.write(UInt32(block))
        return w.bytes
    }

    /// Calls `body` with block `block`'s bytes, or nil when it is missing.
    func withBlock<T: ReadableTransaction & ~Copyable, R>(_ block: Int, in txn: borrowing T,
                                                          _ body: (UnsafeRawBufferPointer?) -> R) throws -> R {
        guard let table else { return body(nil) }
        var key = (space.bigEndian, UInt32(block).bigEndian)
        let found: R? = try withUnsafeBytes(of: &key) { keyBytes in try table.withValue(rawKey: keyBytes, in: txn) { body($0) } }
        return found ?? body(nil)
    }

    /// Deletes the blocks an index of `nodeCount` nodes has.
    func deleteAll(nodeCount: Int, in txn: UnsafeWriteTransactionReference) throws {
        guard let table else { return }
        for block in 0..<blockCount(nodeCount: nodeCount) { _ = try table.delete(key(block), in: txn) }
    }

    /// Reads each block holding one of `nodes` (zeros when missing or of another size), lets
    /// `fill` write each node's slot, and puts the block back whole: one put per block touched.
    func rewrite(_ nodes: [UInt32], in txn: UnsafeWriteTransactionReference,
                 fill: (UInt32, UnsafeMutableRawBufferPointer) -> Void) throws {
        guard let table, !nodes.isEmpty else { return }
        for (block, members) in Dictionary(grouping: nodes, by: block(of:)).sorted(by: { $0.key < $1.key }) {
            var value = try table.get(key(block), in: txn) ?? []
            if value.count != blockBytes { value = [UInt8](repeating: 0, count: blockBytes) }
            value.withUnsafeMutableBytes { raw in
                for node in members { fill(node, UnsafeMutableRawBufferPointer(rebasing: raw[offset(of: node)..<offset(of: node) + slotBytes])) }
            }
            try table.put(key(block), value, in: txn)
        }
    }
}

/// Fills blocks node by node in ascending order, one block buffer at a time: how an index
/// written before blocks is converted.
struct HNSWBlockFiller {
    let blocks: HNSWBlocks
    private var buffer: [UInt8]
    private var current = 0

    init(_ blocks: HNSWBlocks) {
        self.blocks = blocks
        buffer = [UInt8](repeating: 0, count: blocks.blockBytes)
    }

    /// Writes `node`'s slot with `fill`; nodes must come in ascending order.
    mutating func fill(_ node: UInt32, in txn: UnsafeWriteTransactionReference,
                       _ fill: (UnsafeMutableRawBufferPointer) -> Void) throws {
        if blocks.block(of: node) != current {
            try blocks.table?.put(blocks.key(current), buffer, in: txn)
            buffer = [UInt8](repeating: 0, count: blocks.blockBytes)
            current = blocks.block(of: node)
        }
        let offset = blocks.offset(of: node)
        buffer.withUnsafeMutableBytes { fill(UnsafeMutableRawBufferPointer(rebasing: $0[offset..<offset + blocks.slotBytes])) }
    }

    /// Puts the last block, and empty blocks up to `nodeCount` for nodes that had no record
    /// (none in a sound index), so every node below `nodeCount` has its block.
    mutating func finish(nodeCount: Int, in txn: UnsafeWriteTransactionReference) throws {
        try blocks.table?.put(blocks.key(current), buffer, in: txn)
        for empty in current + 1..<max(current + 1, blocks.blockCount(nodeCount: nodeCount)) {
            try blocks.table?.put(blocks.key(empty), [UInt8](repeating: 0, count: blocks.blockBytes), in: txn)
        }
    }
}

/// Reads slots node by node in ascending order, one block at a time (a copy, so it may be held
/// across writes to the same transaction): the mirror of `HNSWBlockFiller`, for the passes that
/// walk every node (deriving codes, checking them).
struct HNSWBlockReader {
    let blocks: HNSWBlocks
    private var buffer: [UInt8]?
    private var current = -1

    init(_ blocks: HNSWBlocks) { self.blocks = blocks }

    /// Calls `body` with `node`'s slot, or nil when its block is missing or short; nodes must
    /// come in ascending order.
    mutating func withSlot<T: ReadableTransaction & ~Copyable, R>(
        _ node: UInt32, in txn: borrowing T, _ body: (UnsafeRawBufferPointer?) throws -> R
    ) throws -> R {
        if blocks.block(of: node) != current {
            current = blocks.block(of: node)
            buffer = try blocks.withBlock(current, in: txn) { $0.map { Array($0) } }
        }
        let offset = blocks.offset(of: node)
        guard let buffer, buffer.count >= offset + blocks.slotBytes else { return try body(nil) }
        return try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + blocks.slotBytes])) }
    }
}
