// The settings one trace runs with, resolved from the query and the store's configuration.

struct TraceParameters {
    /// Answer window: visits are reported where they intersect it.
    var window: TimeSpan
    /// Growth may pass through sightings this far around the window, so a journey that
    /// leaves and re-enters the window stays one identity.
    var reach: TimeSpan
    var space: String
    /// The space's id, resolved once (nil: the store has no such space, so no vectors).
    var spaceID: UInt32?
    var identityLabels: Set<String>
    var sharedViews: [[String]]
    var acceptSimilarityMin: Double
    var uncertainSimilarityMin: Double
    /// Sightings on one camera at most this far apart form one visit.
    var visitGapSecondsMax: Double
    var walkingSpeedMaxMetersPerSecond: Double
    /// Camera pairs people walk between and their transit times (learned at import).
    var topology: LearnedTopology
}
