// The set of nodes already seen by one layer search.
//
// Why generations: a search touches a few hundred to a few thousand of possibly millions of
// nodes. Clearing a bitmap per search would cost O(N); allocating a Set per search costs
// hashing and allocation. Instead each slot holds the generation in which it was last
// visited; starting a search bumps the generation, which clears everything in O(1). Slots
// are 16-bit so that the marks of 1M nodes (2 MiB) mostly stay in cache; they are wiped
// when the generation wraps, once every 65,535 searches, which amortises to nothing.

/// Visited marks for dense node ids, cleared in O(1) between searches.
@usableFromInline
struct VisitedSet {
    @usableFromInline var marks: [UInt16] = []
    @usableFromInline var generation: UInt16 = 0

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
        let index = Int(node)
        if marks[index] == generation { return false }
        marks[index] = generation
        return true
    }

    /// Marks every id in `ids` visited and writes the ones not visited before to the front
    /// of `unvisited`; returns how many. One uniqueness check for the whole list instead of
    /// one per id, which matters in the search loop.
    ///
    /// - Precondition: `unvisited.count >= ids.count`.
    /// - Complexity: O(ids.count).
    @inlinable
    mutating func insertAll(
        _ ids: UnsafeBufferPointer<UInt32>, unvisited: UnsafeMutableBufferPointer<UInt32>
    ) -> Int {
        precondition(unvisited.count >= ids.count, "unvisited buffer too small")
        let generation = self.generation
        return marks.withUnsafeMutableBufferPointer { slots in
            var count = 0
            for id in ids {
                let index = Int(id)
                precondition(index < slots.count, "node id out of range")
                if slots[index] != generation {
                    slots[index] = generation
                    unvisited[count] = id
                    count &+= 1
                }
            }
            return count
        }
    }
}
