// The site plan: where cameras are, which are neighbours, which are entrances, when each
// camera's clock starts. Cameras sit on a jittered grid; neighbours are grid neighbours (some
// dropped, a few diagonals added) and the graph is repaired until it is connected.

/// One camera on the plan.
struct CameraPlan: Sendable {
    var name: String
    /// Plan position in metres, rounded to 0.1 m so the file and the plan agree exactly.
    var x: Double
    var y: Double
    /// Neighbour camera indices, ascending.
    var adjacent: [Int] = []
    var isEntrance = false
    /// Seconds after site start at which this camera's t = 0 lies (rounded to 1 ms).
    var clockOffsetSeconds: Double = 0
}

struct SiteLayout: Sendable {
    var cameras: [CameraPlan]
    /// Camera indices that are entrances, ascending.
    var entrances: [Int]
    /// For each camera, the neighbour one hop closer to the nearest entrance (itself if entrance).
    var exitHop: [Int]

    init(_ p: SimulationParameters, random: inout Xoshiro256) {
        let count = p.cameras
        let columns = max(1, Int(Double(count).squareRoot().rounded(.up)))
        let width = max(2, String(count).count)
        cameras = (0..<count).map { i in
            let jitter = p.cameraSpacingMeters * 0.2
            let x = Double(i % columns) * p.cameraSpacingMeters + random.uniform(-jitter, jitter)
            let y = Double(i / columns) * p.cameraSpacingMeters + random.uniform(-jitter, jitter)
            return CameraPlan(name: "cam_" + zeroPadded(i, width: width),
                              x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10)
        }
        entrances = []
        exitHop = []
        connect(columns: columns, random: &random)
        chooseEntrances(columns: columns, random: &random)
        exitHop = Self.hopsTowardEntrances(cameras, entrances)
        for i in cameras.indices {
            let millis = (random.uniform(0, p.clockSpreadSeconds) * 1000).rounded()
            // Distinct offsets even for tiny spreads: tests rely on clocks starting apart.
            cameras[i].clockOffsetSeconds = (millis + Double(i * 7)) / 1000
        }
    }

    func distance(_ a: Int, _ b: Int) -> Double {
        let dx = cameras[a].x - cameras[b].x, dy = cameras[a].y - cameras[b].y
        return (dx * dx + dy * dy).squareRoot()
    }

    private mutating func connect(columns: Int, random: inout Xoshiro256) {
        let count = cameras.count
        var candidates: [(Int, Int)] = []
        for i in 0..<count {
            if i % columns + 1 < columns, i + 1 < count { candidates.append((i, i + 1)) }
            if i + columns < count { candidates.append((i, i + columns)) }
        }
        var sets = DisjointSets(count)
        var dropped: [(Int, Int)] = []
        for edge in candidates {
            if random.chance(0.8) { link(edge, &sets) } else { dropped.append(edge) }
        }
        // Diagonals make the graph less grid-like without ever disconnecting it.
        for i in 0..<count where i % columns + 1 < columns && i + columns + 1 < count {
            if random.chance(0.15) { link((i, i + columns + 1), &sets) }
        }
        // Repair: re-add dropped grid edges that join two components (the full grid is connected).
        for edge in dropped where sets.find(edge.0) != sets.find(edge.1) { link(edge, &sets) }
        for i in cameras.indices { cameras[i].adjacent.sort() }
    }

    private mutating func link(_ edge: (Int, Int), _ sets: inout DisjointSets) {
        cameras[edge.0].adjacent.append(edge.1)
        cameras[edge.1].adjacent.append(edge.0)
        sets.union(edge.0, edge.1)
    }

    private mutating func chooseEntrances(columns: Int, random: inout Xoshiro256) {
        let count = cameras.count
        let rows = (count + columns - 1) / columns
        var perimeter = (0..<count).filter { i in
            let row = i / columns, column = i % columns
            return row == 0 || row == rows - 1 || column == 0 || column == columns - 1
        }
        let wanted = max(1, min(perimeter.count, (count + 7) / 8))
        for k in 0..<wanted {  // partial Fisher–Yates: first `wanted` entries are the pick
            let j = k + random.index(perimeter.count - k)
            perimeter.swapAt(k, j)
        }
        entrances = perimeter.prefix(wanted).sorted()
        for e in entrances { cameras[e].isEntrance = true }
    }

    /// Multi-source BFS from the entrances; each camera's exit hop is its first neighbour
    /// (ascending) that is one hop closer.
    private static func hopsTowardEntrances(_ cameras: [CameraPlan], _ entrances: [Int]) -> [Int] {
        var hops = [Int](repeating: Int.max, count: cameras.count)
        var queue = entrances
        for e in entrances { hops[e] = 0 }
        var head = 0
        while head < queue.count {
            let c = queue[head]
            head += 1
            for n in cameras[c].adjacent where hops[n] == Int.max {
                hops[n] = hops[c] + 1
                queue.append(n)
            }
        }
        return cameras.indices.map { c in
            hops[c] == 0 ? c : cameras[c].adjacent.first { hops[$0] == hops[c] - 1 } ?? c
        }
    }
}

/// Union–find for the connectivity repair.
struct DisjointSets {
    private var parent: [Int]
    init(_ count: Int) { parent = Array(0..<count) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) { parent[find(a)] = find(b) }
}

/// Decimal digits of `value`, left-padded with zeros to `width`.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
