// Goal: the hand-written heap and the generation-counted visited set, which every search
// relies on, behave like their obvious reference implementations.
// Method: push seeded random (distance, id) pairs and compare pop order with a sorted array;
// run many generations of the visited set, including the wrap-around of the counter.
import Testing
@testable import VectorIndex

@Suite("Search scratch structures")
struct BinaryHeapTests {
    @Test("min-first and max-first heaps pop in sorted order")
    func heapOrder() {
        var generator = SplitMix64(seed: 1)
        let items = (0..<500).map { _ in
            Neighbour(distance: Float(generator.next() % 50), id: UInt32(generator.next() % 1000))
        }
        var nearest = BinaryHeap<NearestFirst>()
        var farthest = BinaryHeap<FarthestFirst>()
        for item in items {
            nearest.push(item)
            farthest.push(item)
        }
        var ascending: [Neighbour] = []
        while let item = nearest.pop() { ascending.append(item) }
        var descending: [Neighbour] = []
        while let item = farthest.pop() { descending.append(item) }
        let sorted = items.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
        #expect(ascending == sorted)
        #expect(descending == sorted.reversed())
        #expect(nearest.isEmpty && nearest.pop() == nil)
    }

    @Test("visited set forgets between generations, also across the counter wrap")
    func visitedGenerations() {
        var visited = VisitedSet()
        visited.reset(nodeCount: 10)
        let first = visited.insert(3), again = visited.insert(3)
        #expect(first && !again)
        visited.reset(nodeCount: 10)
        let nextGeneration = visited.insert(3)
        #expect(nextGeneration)
        visited.generation = .max - 1
        visited.reset(nodeCount: 10)
        let beforeWrap = visited.insert(4)
        visited.reset(nodeCount: 2_000)  // wraps: every slot is wiped
        let afterWrap = visited.insert(4), grown = visited.insert(1_999)
        #expect(beforeWrap && afterWrap && grown)
    }
}
