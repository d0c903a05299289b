// Named noise settings for `seggraph simulate --profile`: what differs between real trackers and
// real sites, grouped so a rule can be scored on several worlds instead of tuned to one.

/// A named set of the simulator's noise knobs, applied on top of the default parameters.
public enum SimulationProfile: String, CaseIterable, Sendable {
    /// Today's defaults: light jitter, 20 % occlusion splits, 3 % look-alikes and degraded embeddings.
    case standard
    /// People in pairs walking shoulder to shoulder, bags handed over and set down, jittery boxes.
    case crowded
    /// Partial occlusion: split tracks, objects missed in a quarter of their frames, many false detections.
    case occluded
    /// Hard re-identification: 10 % look-alikes, 10 % degraded embeddings.
    case reidHard = "reid-hard"
    /// All of the above at once.
    case hostile

    /// One line for `--help` and for reports.
    public var summary: String {
        switch self {
        case .standard: "defaults: jitter 1.5 px, splits 20 %, look-alikes 3 %, degraded 3 %"
        case .crowded: "groups 30 %, hand-overs 50 % of groups, set-downs 20 %, jitter 4 px, object jitter 4 %"
        case .occluded: "splits 40 %, objects missed in 25 % of frames, 100 false detections per camera-hour, jitter 3 px"
        case .reidHard: "look-alikes 10 %, degraded embeddings 10 %"
        case .hostile: "crowded + occluded + reid-hard"
        }
    }

    /// Sets this profile's knobs on `parameters` (the six required values are left alone).
    public func apply(to parameters: inout SimulationParameters) {
        switch self {
        case .standard:
            break
        case .crowded:
            Self.crowd(&parameters)
        case .occluded:
            Self.occlude(&parameters)
        case .reidHard:
            Self.confuse(&parameters)
        case .hostile:
            Self.crowd(&parameters)
            Self.occlude(&parameters)
            Self.confuse(&parameters)
        }
    }

    private static func crowd(_ p: inout SimulationParameters) {
        p.groupFraction = 0.3
        p.handOverFraction = 0.5
        p.setDownFraction = 0.2
        p.boxJitterPixels = max(p.boxJitterPixels, 4)
        p.objectJitterRelative = max(p.objectJitterRelative, 0.04)
    }

    private static func occlude(_ p: inout SimulationParameters) {
        p.occlusionSplitFraction = 0.4
        p.objectMissFraction = 0.25
        p.spuriousPerCameraHour = 100
        p.boxJitterPixels = max(p.boxJitterPixels, 3)
    }

    private static func confuse(_ p: inout SimulationParameters) {
        p.lookalikeFraction = 0.10
        p.degradedFraction = 0.10
    }
}
