// Edges: typed, directed, with numeric properties. Stored in both directions.

/// What an edge says about two segments. Asymmetric kinds point from the subject
/// (the person, the earlier segment, the participant) to the object.
public enum EdgeKind: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The same track continues in a later segment (earlier → later).
    case next = 1
    /// Two segments in one source whose boxes stay close (symmetric; stored from the earlier one).
    case near = 2
    /// A person carries an object (person → object).
    case holds = 3
    /// A person wears an object (person → object).
    case wears = 4
    /// A person rides or pushes an object (person → object).
    case rides = 5
    /// A segment takes part in an activity (participant → activity).
    case during = 6
    /// Re-identification: the same individual (symmetric).
    case sameAs = 7

    public var description: String {
        switch self {
        case .next: "next"
        case .near: "near"
        case .holds: "holds"
        case .wears: "wears"
        case .rides: "rides"
        case .during: "during"
        case .sameAs: "same_as"
        }
    }

    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }

    public var isSymmetric: Bool { self == .near || self == .sameAs }
    static let attachments: [EdgeKind] = [.holds, .wears, .rides]
}

/// Which end of an edge a segment is.
public enum EdgeDirection: UInt8, Sendable {
    case outgoing = 0
    case incoming = 1
}

/// Named numeric properties of an edge.
public enum EdgeProperty: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case gapSeconds = 1
    case overlapSeconds = 2
    case distanceMin = 3
    case distanceMean = 4
    case framesCompared = 5
    case closeSeconds = 6
    case fraction = 7
    case offsetSpread = 8
    case similarity = 9
    /// Which `same_as` rule accepted the pair: 1 time only, 2 camera topology, 3 shared view.
    case rule = 10
    /// Shortest walk between the two cameras at the fastest plausible speed.
    case walkSeconds = 11

    public var description: String {
        switch self {
        case .gapSeconds: "gap_s"
        case .overlapSeconds: "overlap_s"
        case .distanceMin: "distance_min"
        case .distanceMean: "distance_mean"
        case .framesCompared: "frames_compared"
        case .closeSeconds: "close_s"
        case .fraction: "fraction"
        case .offsetSpread: "offset_spread"
        case .similarity: "similarity"
        case .rule: "rule"
        case .walkSeconds: "walk_s"
        }
    }
}

/// One stored edge seen from `segment`.
public struct EdgeEnd: Sendable, Equatable, Hashable {
    public var kind: EdgeKind
    public var direction: EdgeDirection
    public var other: SegmentID
}

/// An edge with its properties, in its stored direction.
public struct Edge: Sendable {
    public var kind: EdgeKind
    public var from: SegmentID
    public var to: SegmentID
    public var properties: [(EdgeProperty, Double)]
}
