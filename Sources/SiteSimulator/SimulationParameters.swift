// What the simulated site looks like. The six required values come from the CLI; the tunables
// have defaults calibrated so the benchmark site (20 cameras, 2000 people, 2 h, 5 fps, dim 512)
// lands near 30k segments and ~600 MB of JSON.

/// Parameters of a simulated multi-camera site. Same parameters (including `seed`) give
/// byte-identical output.
public struct SimulationParameters: Sendable, Equatable {
    /// Number of cameras (≥ 1).
    public var cameras: Int
    /// Number of people walking through the site over the simulated hours (≥ 0).
    public var people: Int
    /// Length of every camera's recording, in hours (> 0).
    public var hours: Double
    /// Frame rate of every camera; one box per frame is written.
    public var framesPerSecond: Double
    /// Dimension of every embedding vector (≥ 2).
    public var embeddingDimension: Int
    /// Seed of the simulator's own PRNG.
    public var seed: UInt64

    // MARK: Tunables

    public var frameWidth: Int = 1280
    public var frameHeight: Int = 720
    /// Median time a person stays in one camera's view; log-normal with `dwellSpread`.
    public var dwellMedianSeconds: Double = 47
    public var dwellSpread: Double = 0.75
    /// Mean number of cameras a person wanders through before heading for an exit.
    public var visitsMean: Double = 5.5
    public var walkingSpeedMetersPerSecond: Double = 1.4
    public var walkingSpeedSpread: Double = 0.2
    /// Mean distance between neighbouring cameras on the plan.
    public var cameraSpacingMeters: Double = 30
    /// Camera clocks start at site start + uniform(0, clockSpreadSeconds).
    public var clockSpreadSeconds: Double = 90
    /// Fraction of people carrying a bag, backpack or suitcase.
    public var carryFraction: Double = 0.3
    public var hardhatFraction: Double = 0.2
    public var bicycleFraction: Double = 0.02
    public var cartFraction: Double = 0.03
    /// Fraction of appearances split by occlusion into two or three segments.
    public var occlusionSplitFraction: Double = 0.2
    /// Fraction of people whose identity is a look-alike of another person's.
    public var lookalikeFraction: Double = 0.03
    /// Fraction of person segments whose embedding is much noisier than usual.
    public var degradedFraction: Double = 0.03
    public var fallsPerThousandAppearances: Double = 6
    public var nearMissesPerThousandAppearances: Double = 4
    public var spuriousPerCameraHour: Double = 25

    // MARK: What real trackers vary (all zero or today's value by default, so the default site
    // stays byte-identical; `SimulationProfile` sets them together).

    /// Detector jitter of a person box per frame, in pixels (x position and height).
    public var boxJitterPixels: Double = 1.5
    /// Independent jitter of a carried object's box per frame, as a share of its carrier's height.
    public var objectJitterRelative: Double = 0
    /// Share of a carried object's frames the detector misses (partial occlusion); the
    /// object's segment keeps its times, its box list has holes.
    public var objectMissFraction: Double = 0
    /// Share of people who walk side by side with a companion (another person, same route,
    /// shoulder to shoulder): two carrier candidates for every object either of them holds.
    public var groupFraction: Double = 0
    /// Share of companions who take over the leader's bag in the group's last view; the
    /// object's segment is cut where the carrier changes.
    public var handOverFraction: Double = 0
    /// Share of bag carriers who set the bag down as they start to leave their last view; it
    /// stays there, carried by nobody, as its own segment of the same track.
    public var setDownFraction: Double = 0
    /// Wall clock of the site's t = 0 (default 2026-11-20T14:00:00+01:00).
    public var siteStartUnixMilliseconds: Int64 = 1_795_179_600_000
    /// Fixed UTC offset written into `start_time` (no daylight-saving model).
    public var utcOffsetMinutes: Int = 60
    public var timezone: String = "Europe/Berlin"
    public var embeddingModel: String = "sim-osnet-v1"

    public init(
        cameras: Int, people: Int, hours: Double, framesPerSecond: Double,
        embeddingDimension: Int, seed: UInt64
    ) {
        self.cameras = cameras
        self.people = people
        self.hours = hours
        self.framesPerSecond = framesPerSecond
        self.embeddingDimension = embeddingDimension
        self.seed = seed
    }

    /// The benchmark site: 20 cameras, 2000 people, 2 h at 5 fps, 512-dimensional embeddings
    /// (≈ 30k segments, ≈ 600 MB of JSON).
    public static func benchmark(seed: UInt64 = 1) -> SimulationParameters {
        SimulationParameters(cameras: 20, people: 2000, hours: 2, framesPerSecond: 5,
                             embeddingDimension: 512, seed: seed)
    }

    /// Rejects values a user could pass on the command line that would make no sense.
    /// - Throws: `SimulationError` with code `.invalidParameters` naming the first bad value.
    public func validate() throws(SimulationError) {
        func check(_ ok: Bool, _ message: String) throws(SimulationError) {
            if !ok { throw SimulationError(code: .invalidParameters, message: message) }
        }
        try check((1...SimulationLimits.camerasMax).contains(cameras),
                  "cameras must be in 1...\(SimulationLimits.camerasMax), got \(cameras)")
        try check((0...SimulationLimits.peopleMax).contains(people),
                  "people must be in 0...\(SimulationLimits.peopleMax), got \(people)")
        try check(hours > 0 && hours <= SimulationLimits.hoursMax,
                  "hours must be in (0, \(SimulationLimits.hoursMax)], got \(hours)")
        try check(framesPerSecond >= 0.5 && framesPerSecond <= SimulationLimits.framesPerSecondMax,
                  "fps must be in [0.5, \(SimulationLimits.framesPerSecondMax)], got \(framesPerSecond)")
        try check((2...SimulationLimits.embeddingDimensionMax).contains(embeddingDimension),
                  "dim must be in 2...\(SimulationLimits.embeddingDimensionMax), got \(embeddingDimension)")
        try check(frameWidth >= 64 && frameHeight >= 64, "frame must be at least 64×64 pixels")
        try check(dwellMedianSeconds >= 1 && visitsMean >= 0, "dwell median must be ≥ 1 s, visits mean ≥ 0")
        try check(walkingSpeedMetersPerSecond > 0.3, "walking speed must be > 0.3 m/s")
        try check(boxJitterPixels >= 0 && boxJitterPixels <= 50, "box jitter must be in 0...50 pixels, got \(boxJitterPixels)")
        try check(objectJitterRelative >= 0 && objectJitterRelative <= 0.5,
                  "object jitter must be in 0...0.5 carrier heights, got \(objectJitterRelative)")
        for (name, value) in [("object miss", objectMissFraction), ("group", groupFraction), ("hand-over", handOverFraction),
                              ("set-down", setDownFraction), ("carry", carryFraction), ("look-alike", lookalikeFraction), ("degraded", degradedFraction),
                              ("occlusion split", occlusionSplitFraction)] {
            try check(value >= 0 && value <= 1, "\(name) fraction must be in 0...1, got \(value)")
        }
        try check(objectMissFraction <= 0.9, "object miss fraction must be ≤ 0.9 (an object needs some boxes), got \(objectMissFraction)")
        try check(spuriousPerCameraHour >= 0 && spuriousPerCameraHour <= 10_000,
                  "spurious detections per camera-hour must be in 0...10000, got \(spuriousPerCameraHour)")
    }
}

/// Upper bounds on the simulator's inputs, kept in one place (STYLE: a limit on everything).
public enum SimulationLimits {
    public static let camerasMax = 10_000
    public static let peopleMax = 10_000_000
    public static let hoursMax = 24.0 * 31
    public static let framesPerSecondMax = 120.0
    public static let embeddingDimensionMax = 4096
}
