// The in-memory event plan: every segment of the site as a few numbers. Boxes and embeddings
// are not stored; they are recomputed from these numbers while writing, so memory stays
// proportional to the number of segments, not to the bytes of JSON.

/// Objects that travel with a person, and the relation a linker should find.
enum ObjectKind: Int, Sendable, CaseIterable {
    case bag, backpack, suitcase, hardhat, bicycle, cart

    var label: String {
        switch self {
        case .bag: "bag"
        case .backpack: "backpack"
        case .suitcase: "suitcase"
        case .hardhat: "hardhat"
        case .bicycle: "bicycle"
        case .cart: "cart"
        }
    }

    /// DESIGN: holds = carrying, wears = worn, rides = bicycle or pushed cart.
    var relation: String {
        switch self {
        case .bag, .backpack, .suitcase: "holds"
        case .hardhat: "wears"
        case .bicycle, .cart: "rides"
        }
    }
}

enum SegmentRole: Sendable, Equatable {
    case person
    case carried(ObjectKind)
    case fall
    case nearMiss
    /// A false detection; `isPerson` picks the label `person`, otherwise `bag`.
    case spurious(isPerson: Bool)
    /// An object its carrier put down: it stays where it was set down, carried by nobody.
    case setDown(ObjectKind)

    var label: String {
        switch self {
        case .person: "person"
        case .carried(let kind): kind.label
        case .fall: "fall"
        case .nearMiss: "near_miss"
        case .spurious(let isPerson): isPerson ? "person" : "bag"
        case .setDown(let kind): kind.label
        }
    }

    var isActivity: Bool { self == .fall || self == .nearMiss }

    /// Tie-break when two segments of one camera start at the same instant.
    var order: Int {
        switch self {
        case .person: 0
        case .carried(let kind), .setDown(let kind): 1 + kind.rawValue
        case .fall: 10
        case .nearMiss: 11
        case .spurious: 12
        }
    }
}

/// One person's stay in one camera's view (one camera-track), possibly split into pieces.
struct Appearance: Sendable {
    var person: Int
    var camera: Int
    /// Site seconds (shared clock), used for feasibility checks and activities.
    var siteStart: Double
    var siteEnd: Double
    var trajectory: Trajectory
    /// Indices into `SitePlan.segments` of the person segments, in time order.
    var pieces: [Int] = []
}

/// One segment of one camera.
struct PlannedSegment: Sendable {
    var camera: Int
    var role: SegmentRole
    /// Camera-local seconds, multiples of 1 ms.
    var startSeconds: Double
    var endSeconds: Double
    /// The appearance whose boxes this segment derives from (-1 for spurious).
    var appearance: Int = -1
    /// Carried objects: the person segment carrying it. Activities: the first participant.
    var relatedA: Int = -1
    /// Near misses: the second participant.
    var relatedB: Int = -1
    /// Carried and set-down objects: the person the object belongs to (-1: the carrier's
    /// person), so a handed-over bag keeps its name.
    var owner: Int = -1
    /// Site-wide track key (-1: activities, which have none); numbered per camera on output.
    var trackKey: Int = -1
    /// Row of the identity table the embedding is drawn around (-1: pure noise or none).
    var identity: Int = -1
    /// Target cosine between the embedding and its identity vector.
    var cosine: Double = 0.85
    var confidence: Double = 0.9
    /// Seed of this segment's own random stream (boxes jitter, embedding noise).
    var seed: UInt64 = 0
    /// 1-based number within its camera (`seg_000123`), assigned once all segments are known.
    var number: Int = 0
    /// Camera-local track number (`t_42`), assigned with `number`; 0 for activities.
    var trackNumber: Int = 0
}
