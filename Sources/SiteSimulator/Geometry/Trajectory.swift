// How a person's box moves through one camera's view: walk in from one edge to a spot on the
// floor, linger there (swaying) for the rest of the dwell, walk out through another edge. Box
// height follows the foot's depth (a flat floor seen from above the horizon), so people shrink
// as they walk away. Pure function of time: the same frame always gives the same box.

struct Trajectory: Sendable {
    /// Camera-local seconds of the whole appearance (all pieces).
    var startSeconds: Double
    var endSeconds: Double
    var from: (x: Double, y: Double)
    var middle: (x: Double, y: Double)
    var to: (x: Double, y: Double)
    var walkInSeconds: Double
    var walkOutSeconds: Double
    var swayPixels: Double
    var swayPeriodSeconds: Double
    var swayPhase: Double
    /// Box height per pixel of foot depth below the horizon; varies with the person's height.
    var heightScale: Double
    /// Box width / height.
    var aspect: Double
    var frameWidth: Double
    var frameHeight: Double
    /// Seed of the per-frame detector jitter.
    var jitterSeed: UInt64
    /// Amplitude of the detector jitter, in pixels.
    var jitterPixels: Double

    init(start: Double, end: Double, aspect: Double, width: Double, height: Double, jitterPixels: Double,
         random: inout Xoshiro256) {
        self.jitterPixels = jitterPixels
        startSeconds = start
        endSeconds = end
        frameWidth = width
        frameHeight = height
        let entry = random.index(4)
        let exit = (entry + 1 + random.index(3)) % 4
        from = Self.edgePoint(entry, width, height, &random)
        to = Self.edgePoint(exit, width, height, &random)
        middle = (random.uniform(0.2, 0.8) * width, random.uniform(0.5, 0.9) * height)
        let crossing = random.uniform(6, 16)
        let duration = end - start
        walkInSeconds = duration < crossing ? duration / 2 : crossing / 2
        walkOutSeconds = walkInSeconds
        swayPixels = random.uniform(4, 25)
        swayPeriodSeconds = random.uniform(5, 20)
        swayPhase = random.uniform(0, 2 * Double.pi)
        heightScale = 0.886 * random.uniform(0.9, 1.1)
        self.aspect = aspect
        jitterSeed = random.next()
    }

    /// A second person walking shoulder to shoulder with this one: the same path shifted
    /// sideways by about one box width, the same sway, their own height, build and jitter.
    /// `leftOnly` keeps them on the left (the side away from a pushed cart, which sticks out
    /// to the right: nobody walks inside it).
    func companion(leftOnly: Bool, random: inout Xoshiro256) -> Trajectory {
        var other = self
        other.heightScale = heightScale * random.uniform(0.93, 1.07)
        other.aspect = random.uniform(0.34, 0.42)
        let middleHeight = max(24, heightScale * (middle.y - 0.3 * frameHeight))
        let offset = (random.chance(0.5) && !leftOnly ? 1.0 : -1.0) * middleHeight * aspect * random.uniform(0.8, 1.2)
        other.from.x += offset
        other.middle.x += offset
        other.to.x += offset
        other.jitterSeed = random.next()
        return other
    }

    /// Foot point on edge 0 left, 1 right, 2 bottom, 3 far side of the floor.
    private static func edgePoint(_ edge: Int, _ w: Double, _ h: Double,
                                  _ random: inout Xoshiro256) -> (x: Double, y: Double) {
        switch edge {
        case 0: (0, random.uniform(0.45, 0.95) * h)
        case 1: (w, random.uniform(0.45, 0.95) * h)
        case 2: (random.uniform(0.15, 0.85) * w, h)
        default: (random.uniform(0.2, 0.8) * w, 0.42 * h)
        }
    }

    /// The person's box at camera-local time `t`, kept inside the frame by shifting (never
    /// clipping, so attached objects keep their place inside it).
    func box(at t: Double, frame: Int) -> Box {
        let tau = min(max(t - startSeconds, 0), endSeconds - startSeconds)
        let duration = endSeconds - startSeconds
        var foot: (x: Double, y: Double)
        if tau <= walkInSeconds {
            foot = lerp(from, middle, walkInSeconds > 0 ? tau / walkInSeconds : 1)
        } else if tau >= duration - walkOutSeconds {
            foot = lerp(middle, to, walkOutSeconds > 0 ? (tau - duration + walkOutSeconds) / walkOutSeconds : 1)
        } else {
            // The envelope is zero where lingering starts and ends, so the path stays continuous.
            let linger = duration - walkInSeconds - walkOutSeconds
            let envelope = portableSin(Double.pi * (tau - walkInSeconds) / linger)
            let angle = 2 * Double.pi * tau / swayPeriodSeconds + swayPhase
            foot = (middle.x + envelope * swayPixels * portableSin(angle),
                    middle.y + envelope * swayPixels * 0.3 * portableCos(angle))
        }
        var jitter = mixSeed(jitterSeed, UInt64(truncatingIfNeeded: frame))
        let jx = Double(splitMix64(&jitter) >> 11) * 0x1.0p-53 * 2 - 1
        let jh = Double(splitMix64(&jitter) >> 11) * 0x1.0p-53 * 2 - 1
        let horizon = 0.3 * frameHeight
        let h = max(24, heightScale * (foot.y - horizon) + jh * jitterPixels)
        let w = h * aspect
        let x = min(max(foot.x - w / 2 + jx * jitterPixels, 0), frameWidth - w)
        let y = max(0, min(foot.y, frameHeight) - h)
        return Box(x: x, y: y, w: w, h: h)
    }

    private func lerp(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double),
                      _ f: Double) -> (x: Double, y: Double) {
        (a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)
    }
}
