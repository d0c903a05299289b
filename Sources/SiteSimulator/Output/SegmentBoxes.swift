// Boxes of one planned segment at one frame, recomputed from the plan. Related segments (a
// person and the bag it carries, a fall and its person) call the same trajectory at the same
// frame, so their boxes agree exactly.

struct SegmentBoxes {
    let plan: SitePlan
    let width: Double
    let height: Double

    init(plan: SitePlan) {
        self.plan = plan
        width = Double(plan.parameters.frameWidth)
        height = Double(plan.parameters.frameHeight)
    }

    /// Frame numbers whose time frame/fps lies inside the segment.
    func frames(of segment: PlannedSegment) -> ClosedRange<Int> {
        let fps = plan.parameters.framesPerSecond
        let first = Int((segment.startSeconds * fps - 1e-6).rounded(.up))
        let last = Int((segment.endSeconds * fps + 1e-6).rounded(.down))
        return first...max(first, last)
    }

    func box(_ segment: PlannedSegment, frame: Int) -> Box {
        let t = Double(frame) / plan.parameters.framesPerSecond
        switch segment.role {
        case .person:
            return personBox(segment.appearance, t, frame)
        case .carried(let kind):
            let carrier = personBox(segment.appearance, t, frame)
            return jittered(kind.box(carriedBy: carrier, width: width, height: height), segment, frame, scale: carrier.h)
        case .setDown(let kind):
            // Where the carrier put it down (0.2 s before the segment starts), then still.
            let fps = plan.parameters.framesPerSecond
            let anchor = segment.startSeconds - 0.2
            let carrier = personBox(segment.appearance, anchor, Int((anchor * fps).rounded(.down)))
            return jittered(kind.box(carriedBy: carrier, width: width, height: height), segment, frame, scale: carrier.h)
        case .fall:
            return personBox(segment.appearance, t, frame).expanded(by: 0.1).clipped(width: width, height: height)
        case .nearMiss:
            let a = personBox(plan.segments[segment.relatedA].appearance, t, frame)
            let b = personBox(plan.segments[segment.relatedB].appearance, t, frame)
            return a.union(b).clipped(width: width, height: height)
        case .spurious(let isPerson):
            return spuriousBox(segment.seed, isPerson: isPerson, frame: frame)
        }
    }

    /// Whether the detector saw the object at `frame`: carried and set-down objects are missed
    /// at `objectMissFraction` of their frames (never the first, so every segment has a box).
    func isDetected(_ segment: PlannedSegment, frame: Int) -> Bool {
        let miss = plan.parameters.objectMissFraction
        guard miss > 0, frame != frames(of: segment).lowerBound else { return true }
        switch segment.role {
        case .carried, .setDown:
            var state = mixSeed(segment.seed ^ 0x6d69_7373, UInt64(truncatingIfNeeded: frame))
            return Double(splitMix64(&state) >> 11) * 0x1.0p-53 >= miss
        default:
            return true
        }
    }

    /// The object's own detector noise, independent of its carrier's, in carrier heights.
    private func jittered(_ box: Box, _ segment: PlannedSegment, _ frame: Int, scale: Double) -> Box {
        let amount = plan.parameters.objectJitterRelative
        guard amount > 0 else { return box }
        var state = mixSeed(segment.seed ^ 0x6a69_7474, UInt64(truncatingIfNeeded: frame))
        let dx = (Double(splitMix64(&state) >> 11) * 0x1.0p-53 * 2 - 1) * amount * scale
        let dy = (Double(splitMix64(&state) >> 11) * 0x1.0p-53 * 2 - 1) * amount * scale
        return Box(x: box.x + dx, y: box.y + dy, w: box.w, h: box.h).clipped(width: width, height: height)
    }

    private func personBox(_ appearance: Int, _ t: Double, _ frame: Int) -> Box {
        plan.appearances[appearance].trajectory.box(at: t, frame: frame)
    }

    /// A flickering false detection: a fixed random place and size, jittered per frame.
    private func spuriousBox(_ seed: UInt64, isPerson: Bool, frame: Int) -> Box {
        var random = Xoshiro256(seed: seed)
        let h = random.uniform(30, 160)
        let w = isPerson ? h * random.uniform(0.3, 0.5) : h * random.uniform(0.6, 1.2)
        let x = random.uniform(0, width - w), y = random.uniform(0, height - h)
        var jitter = mixSeed(seed, UInt64(truncatingIfNeeded: frame))
        let dx = Double(splitMix64(&jitter) >> 11) * 0x1.0p-53 * 4 - 2
        let dy = Double(splitMix64(&jitter) >> 11) * 0x1.0p-53 * 4 - 2
        return Box(x: max(0, x + dx), y: max(0, y + dy), w: w, h: h).clipped(width: width, height: height)
    }
}
