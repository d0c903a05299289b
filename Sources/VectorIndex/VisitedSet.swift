// The set of nodes already seen by one layer search.
//
// Why generations: a search touches a few hundred to a few thousand of possibly millions of
// nodes. Clearing a bitmap per search would cost O(N); allocating a Set per search costs
// hashing and allocation. Instead each slot holds the generation in which it was last
// visited; starting a search bumps the generation, which clears everything in O(1). The
// slots are wiped only when the 32-bit generation wraps around (every ~4 billion searches).

/// Visited marks for dense node ids, cleared in O(1) between searches.
@usableFromInline
struct VisitedSet {
    @usableFromInline var marks: [UInt32] = []
    @usableFromInline var generation: UInt32 = 0

    @inlinable init() {}

    /// Starts a new search over ids `0..<nodeCount`, growing the slots if needed.
    ///
    /// - Complexity: amortised O(1); O(nodeCount) when growing or when the generation wraps.
    @inlinable
    mutating func reset(nodeCount: Int) {
        if marks.count < nodeCount {
            // Grow geometrically so a growing index does not reallocate on every insert.
            let newCount = max(nodeCount, marks.count * 2, 1024)
            marks.append(contentsOf: repeatElement(0, count: newCount - marks.count))
        }
        if generation == .max {
            for i in marks.indices { marks[i] = 0 }
            generation = 0
        }
        generation &+= 1
    }

    /// Marks `node` visited; returns true if it was not visited before in this search.
    ///
    /// - Complexity: O(1).
    @inlinable
    mutating func insert(_ node: UInt32) -> Bool {
        marks.withUnsafeMutableBufferPointer { slots in
            let index = Int(node)
            if slots[index] == generation { return false }
            slots[index] = generation
            return true
        }
    }
}
