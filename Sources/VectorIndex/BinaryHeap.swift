// A binary heap of (distance, node) pairs, specialised at compile time for min-first or
// max-first order. swift-collections' Heap is not available to this pure module, and a heap
// of plain 8-byte pairs with a static order lets the optimiser compile the comparisons to a
// single float compare in the search loop.

/// A node with its distance to the current query (internal: the public API speaks
/// `SearchResult`).
@usableFromInline
struct Neighbour: Hashable, Sendable {
    /// Distance to the query under the index's metric (smaller is closer).
    @usableFromInline var distance: Float
    /// Dense node id.
    @usableFromInline var id: UInt32

    @inlinable
    init(distance: Float, id: UInt32) {
        self.distance = distance
        self.id = id
    }
}

/// Which end of the heap is on top.
@usableFromInline
protocol HeapOrder {
    /// True when `a` belongs nearer the top than `b`.
    static func precedes(_ a: Neighbour, _ b: Neighbour) -> Bool
}

/// Nearest on top: the candidate queue of a layer search.
@usableFromInline
enum NearestFirst: HeapOrder {
    @inlinable
    static func precedes(_ a: Neighbour, _ b: Neighbour) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.id < b.id)
    }
}

/// Farthest on top: the bounded result set, whose top is the one to evict.
@usableFromInline
enum FarthestFirst: HeapOrder {
    @inlinable
    static func precedes(_ a: Neighbour, _ b: Neighbour) -> Bool {
        a.distance > b.distance || (a.distance == b.distance && a.id > b.id)
    }
}

/// An array-backed binary heap; storage is kept between uses so searches do not allocate.
@usableFromInline
struct BinaryHeap<Order: HeapOrder> {
    @usableFromInline var elements: [Neighbour] = []

    @inlinable init() {}

    @inlinable var count: Int { elements.count }
    @inlinable var isEmpty: Bool { elements.isEmpty }
    /// The top element. - Complexity: O(1).
    @inlinable var top: Neighbour? { elements.first }

    /// Empties the heap and keeps its capacity. - Complexity: O(1).
    @inlinable mutating func removeAll() { elements.removeAll(keepingCapacity: true) }

    /// - Complexity: O(log n).
    @inlinable
    mutating func push(_ element: Neighbour) {
        elements.append(element)
        elements.withUnsafeMutableBufferPointer { heap in
            var child = heap.count &- 1
            while child > 0 {
                let parent = (child &- 1) >> 1
                guard Order.precedes(element, heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = element
        }
    }

    /// Removes and returns the top element. - Complexity: O(log n).
    @inlinable
    mutating func pop() -> Neighbour? {
        guard let last = elements.popLast() else { return nil }
        guard !elements.isEmpty else { return last }
        let top = elements[0]
        elements.withUnsafeMutableBufferPointer { heap in
            // Sift the former last element down from the root.
            let count = heap.count
            var parent = 0
            while true {
                var child = 2 &* parent &+ 1
                guard child < count else { break }
                if child &+ 1 < count, Order.precedes(heap[child &+ 1], heap[child]) {
                    child &+= 1
                }
                guard Order.precedes(heap[child], last) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = last
        }
        return top
    }
}
