// Settings recorded in the store's meta so every process and every answer uses the same
// ones: the linker's thresholds and which labels play which role. `seggraph config set`
// changes them; `seggraph relink` recomputes edges with the new values.
internal import Foundation

/// The linker's thresholds and label roles, kept in the store's meta so every process
/// links with the same ones. Change one with `Store.setConfiguration(key:jsonValue:)`,
/// then `Store.relink()` to apply it to stored edges.
public struct StoreConfiguration: Codable, Sendable, Equatable {
    /// Labels whose segments are individuals (re-identification, traces, contacts).
    public var identityLabels: [String]
    /// `next`: largest gap between the end of a track's segment and the start of the next.
    public var nextGapSecondsMax: Double
    /// `near`: labels that can be near each other.
    public var nearLabels: [String]
    /// `near`: centre distance divided by the mean box height must stay at or below this.
    public var nearDistanceRelativeMax: Double
    /// `near`: the boxes must be that close for at least this long.
    public var nearDurationSecondsMin: Double
    /// Labels that can hold, wear or ride objects.
    public var carrierLabels: [String]
    /// Object label → `holds`, `wears` or `rides`.
    public var attachmentKinds: [String: String]
    /// `holds`/`wears`/`rides`: share of common frames the object must be attached.
    public var attachmentFractionMin: Double
    /// Attached: this share of the object's box lies inside the person's box (grown by the margin).
    public var attachmentContainmentMin: Double
    /// Person box grown by this share of its height on every side before containment.
    public var attachmentMarginRelative: Double
    /// Moves with it: spread of the object's offset from the person, in person heights.
    public var attachmentOffsetSpreadMax: Double
    /// Seen together long enough: the object must be attached for at least this many seconds
    /// (a flicker of a detection inside someone's box is not evidence of carrying).
    public var attachmentSecondsMin: Double
    /// `during`: share of common frames in which the participant's box overlaps the activity's
    /// box (by at least `duringBoxOverlapMin` of the participant's area).
    public var duringOverlapFractionMin: Double

    /// `same_as`: the embedding space re-identification compares.
    public var reidSpace: String
    /// `same_as`: cosine similarity at or above which two segments may be the same individual.
    public var sameAsSimilarityMin: Double
    /// `same_as`: lower similarity accepted when two segments are each other's best candidate
    /// on the other's camera and side (a degraded embedding with one plausible match).
    public var sameAsMutualSimilarityMin: Double
    /// `same_as`: candidates a segment keeps per camera and side (seen before it / after it),
    /// best similarity first.
    public var sameAsCandidates: Int
    /// `same_as`: largest time between two sightings compared directly (longer absences are
    /// bridged by the sightings in between).
    public var sameAsGapSecondsMax: Double
    /// `same_as`: fastest plausible walk between cameras with known positions (metres per second).
    public var walkingSpeedMaxMetersPerSecond: Double
    /// `same_as`: groups of sources that see the same place, so one individual can be in
    /// both at once.
    public var sharedViews: [[String]]

    /// A new store's settings; they also fill settings missing from older stores.
    public static let defaults = StoreConfiguration(
        identityLabels: ["person", "car"], nextGapSecondsMax: 5,
        nearLabels: ["person", "car", "truck", "forklift"], nearDistanceRelativeMax: 1.0, nearDurationSecondsMin: 2,
        carrierLabels: ["person"],
        attachmentKinds: ["bag": "holds", "backpack": "holds", "suitcase": "holds", "handbag": "holds", "product": "holds",
                          "hardhat": "wears", "helmet": "wears", "vest": "wears",
                          "bicycle": "rides", "cart": "rides", "scooter": "rides"],
        attachmentFractionMin: 0.8, attachmentContainmentMin: 0.5, attachmentMarginRelative: 0.25,
        attachmentOffsetSpreadMax: 0.25, attachmentSecondsMin: 2, duringOverlapFractionMin: 0.5,
        reidSpace: "default", sameAsSimilarityMin: 0.7, sameAsCandidates: 1, sameAsGapSecondsMax: 300, sameAsMutualSimilarityMin: 0.6, walkingSpeedMaxMetersPerSecond: 3,
        sharedViews: [])

    /// The first setting that makes no sense, as `key: reason`; nil when all do.
    public var problem: String? {
        func unit(_ value: Double) -> Bool { value.isFinite && (0...1).contains(value) }
        func cosine(_ value: Double) -> Bool { value.isFinite && (-1...1).contains(value) }
        func nonNegative(_ value: Double) -> Bool { value.isFinite && value >= 0 }
        func positive(_ value: Double) -> Bool { value.isFinite && value > 0 }
        let checks: [(String, Bool, String)] = [
            ("identityLabels", identityLabels.allSatisfy { !$0.isEmpty }, "labels must not be empty"),
            ("nextGapSecondsMax", nonNegative(nextGapSecondsMax), "must be a number ≥ 0"),
            ("nearLabels", nearLabels.allSatisfy { !$0.isEmpty }, "labels must not be empty"),
            ("nearDistanceRelativeMax", positive(nearDistanceRelativeMax), "must be a number > 0"),
            ("nearDurationSecondsMin", nonNegative(nearDurationSecondsMin), "must be a number ≥ 0"),
            ("carrierLabels", carrierLabels.allSatisfy { !$0.isEmpty }, "labels must not be empty"),
            ("attachmentKinds", attachmentKinds.allSatisfy { !$0.key.isEmpty && ["holds", "wears", "rides"].contains($0.value) },
             "each label must map to holds, wears or rides"),
            ("attachmentFractionMin", unit(attachmentFractionMin), "must be in 0…1"),
            ("attachmentContainmentMin", unit(attachmentContainmentMin), "must be in 0…1"),
            ("attachmentMarginRelative", nonNegative(attachmentMarginRelative), "must be a number ≥ 0"),
            ("attachmentOffsetSpreadMax", positive(attachmentOffsetSpreadMax), "must be a number > 0"),
            ("attachmentSecondsMin", nonNegative(attachmentSecondsMin), "must be a number ≥ 0"),
            ("duringOverlapFractionMin", unit(duringOverlapFractionMin), "must be in 0…1"),
            ("reidSpace", !reidSpace.isEmpty, "must name an embedding space"),
            ("sameAsSimilarityMin", cosine(sameAsSimilarityMin), "must be a cosine in -1…1"),
            ("sameAsMutualSimilarityMin", cosine(sameAsMutualSimilarityMin), "must be a cosine in -1…1"),
            ("sameAsCandidates", (1...100).contains(sameAsCandidates), "must be in 1…100"),
            ("sameAsGapSecondsMax", nonNegative(sameAsGapSecondsMax) && sameAsGapSecondsMax <= 86_400, "must be in 0…86400 seconds"),
            ("walkingSpeedMaxMetersPerSecond", positive(walkingSpeedMaxMetersPerSecond), "must be a number > 0"),
            ("sharedViews", sharedViews.allSatisfy { $0.count >= 2 && $0.allSatisfy { !$0.isEmpty } }, "each group needs two or more source names"),
        ]
        return checks.first { !$0.1 }.map { "\($0.0): \($0.2)" }
    }

    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    init(identityLabels: [String], nextGapSecondsMax: Double, nearLabels: [String], nearDistanceRelativeMax: Double,
         nearDurationSecondsMin: Double, carrierLabels: [String], attachmentKinds: [String: String], attachmentFractionMin: Double,
         attachmentContainmentMin: Double, attachmentMarginRelative: Double, attachmentOffsetSpreadMax: Double,
         attachmentSecondsMin: Double, duringOverlapFractionMin: Double, reidSpace: String, sameAsSimilarityMin: Double, sameAsCandidates: Int,
         sameAsGapSecondsMax: Double, sameAsMutualSimilarityMin: Double, walkingSpeedMaxMetersPerSecond: Double,
         sharedViews: [[String]]) {
        self.sameAsGapSecondsMax = sameAsGapSecondsMax
        self.sameAsMutualSimilarityMin = sameAsMutualSimilarityMin
        self.reidSpace = reidSpace
        self.sameAsSimilarityMin = sameAsSimilarityMin
        self.sameAsCandidates = sameAsCandidates
        self.walkingSpeedMaxMetersPerSecond = walkingSpeedMaxMetersPerSecond
        self.sharedViews = sharedViews
        self.identityLabels = identityLabels
        self.nextGapSecondsMax = nextGapSecondsMax
        self.nearLabels = nearLabels
        self.nearDistanceRelativeMax = nearDistanceRelativeMax
        self.nearDurationSecondsMin = nearDurationSecondsMin
        self.carrierLabels = carrierLabels
        self.attachmentKinds = attachmentKinds
        self.attachmentFractionMin = attachmentFractionMin
        self.attachmentContainmentMin = attachmentContainmentMin
        self.attachmentMarginRelative = attachmentMarginRelative
        self.attachmentOffsetSpreadMax = attachmentOffsetSpreadMax
        self.attachmentSecondsMin = attachmentSecondsMin
        self.duringOverlapFractionMin = duringOverlapFractionMin
    }

    /// Decodes, filling settings missing from older stores with the defaults.
    init(jsonText: String) throws {
        do {
            var object = try JSONSerialization.jsonObject(with: Data(defaults: ())) as? [String: Any] ?? [:]
            let stored = try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any] ?? [:]
            object.merge(stored) { $1 }
            let merged = try JSONSerialization.data(withJSONObject: object)
            self = try JSONDecoder().decode(StoreConfiguration.self, from: merged)
        } catch {
            throw StoreError(.corrupt, "configuration in meta does not decode: \(error)")
        }
    }
}

private extension Data {
    init(defaults: Void) { self.init(StoreConfiguration.defaults.jsonText.utf8) }
}
