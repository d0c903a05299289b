// Who a person is (identity vector, what they carry, how fast they move) and where they walk:
// in through an entrance, a random walk over adjacent cameras, then the shortest way out.

struct PersonPlan: Sendable {
    var identity: Int
    /// Objects travelling with this person, each with its own instance identity row.
    var objects: [(kind: ObjectKind, identity: Int)] = []
    /// Metres per second, rounded to 0.01 (ground truth states it; transit uses it exactly).
    var speed: Double
    var appearances: [Int] = []
}

/// One stay in a camera's view, on the site clock.
struct Visit {
    var camera: Int
    var siteStart: Double
    var siteEnd: Double
}

struct PersonWalker {
    let parameters: SimulationParameters
    let layout: SiteLayout
    /// Site seconds before which some camera has not started recording.
    let earliestSeconds: Double
    /// Shortest stay that still holds one frame.
    let minimumSpanSeconds: Double

    init(_ p: SimulationParameters, _ layout: SiteLayout) {
        parameters = p
        self.layout = layout
        earliestSeconds = (layout.cameras.map(\.clockOffsetSeconds).max() ?? 0) + 1
        minimumSpanSeconds = max(1, 1 / p.framesPerSecond + 0.002)
    }

    /// The visits of one person, in time order; consecutive visits are apart by at least the
    /// walking time between the two cameras at the person's speed.
    func walk(speed: Double, isCyclist: Bool, random: inout Xoshiro256) -> [Visit] {
        let p = parameters
        let siteEnd = p.hours * 3600
        let latestArrival = max(earliestSeconds, siteEnd * 0.92)
        var t = ms(random.uniform(earliestSeconds, latestArrival))
        var camera = layout.entrances[random.index(layout.entrances.count)]
        var previous = -1
        var wander = layout.cameras.count > 1 ? random.geometric(mean: p.visitsMean) : 0
        var visits: [Visit] = []
        for _ in 0..<(4 * layout.cameras.count + 64) {  // bounded: wander + way out
            var dwell = random.logNormal(median: p.dwellMedianSeconds, sigma: p.dwellSpread)
            dwell = min(max(dwell, 3), 600) * (isCyclist ? 0.35 : 1)
            let end = min(ms(t + max(dwell, minimumSpanSeconds)), ms(siteEnd - 0.01))
            if end - t < minimumSpanSeconds { break }
            visits.append(Visit(camera: camera, siteStart: t, siteEnd: end))
            let next: Int
            if wander > 0 {
                wander -= 1
                next = pickNeighbour(of: camera, avoiding: previous, &random)
            } else if layout.cameras[camera].isEntrance {
                break  // leaves the site
            } else {
                next = layout.exitHop[camera]
            }
            // Pauses off camera stretch the walk; never faster than the person's speed.
            let transit = layout.distance(camera, next) / speed * random.uniform(1.0, 1.25)
            t = ms(end + max(transit, 0.5))
            previous = camera
            camera = next
        }
        return visits
    }

    private func pickNeighbour(of camera: Int, avoiding previous: Int,
                               _ random: inout Xoshiro256) -> Int {
        let options = layout.cameras[camera].adjacent
        let fresh = options.filter { $0 != previous }
        let pool = fresh.isEmpty ? options : fresh
        return pool[random.index(pool.count)]
    }
}

/// Rounds seconds to whole milliseconds (all plan times are on the millisecond grid).
@inline(__always)
func ms(_ seconds: Double) -> Double {
    (seconds * 1000).rounded() / 1000
}
