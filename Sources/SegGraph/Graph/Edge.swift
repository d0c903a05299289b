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

    /// The kind's name in answers, exports and on the command line: `next`, `near`, `holds`,
    /// `wears`, `rides`, `during`, `same_as`.
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

    /// The kind spelled `name` as `description` spells it (`same_as`, not `sameAs`); `nil` otherwise.
    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }

    /// `near` and `same_as`: stored once, from the earlier segment, but meaning the same both ways.
    public var isSymmetric: Bool { self == .near || self == .sameAs }
    static let attachments: [EdgeKind] = [.holds, .wears, .rides]
}

/// Which end of an edge a segment is.
public enum EdgeDirection: UInt8, Sendable {
    /// The segment is the edge's `from` end (`out` in answers).
    case outgoing = 0
    /// The segment is the edge's `to` end (`in` in answers).
    case incoming = 1
}

/// Named numeric properties of an edge.
public enum EdgeProperty: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    /// `gap_s` (`next`, `same_as`): seconds from the earlier segment's end to the later one's
    /// start; negative when they overlap.
    case gapSeconds = 1
    /// `overlap_s` (`near`, `holds`/`wears`/`rides`, `during`): seconds the two spans share.
    case overlapSeconds = 2
    /// `distance_min` (`near`): smallest box-centre distance over the compared frames, in mean
    /// box heights.
    case distanceMin = 3
    /// `distance_mean` (`near`): mean box-centre distance over the compared frames, in mean box heights.
    case distanceMean = 4
    /// `frames_compared` (`near`, `holds`/`wears`/`rides`): frames in which both segments have a box.
    case framesCompared = 5
    /// `close_s` (`near`): seconds the boxes stayed within `nearDistanceRelativeMax`.
    case closeSeconds = 6
    /// `fraction`, 0…1: for `holds`/`wears`/`rides` the share of compared frames with the object
    /// inside the carrier's grown box; for `during` the share with the participant's box on the
    /// activity's (1 when the activity has no boxes).
    case fraction = 7
    /// `offset_spread` (`holds`/`wears`/`rides`): standard deviation of the object's centre
    /// relative to the carrier's, in carrier heights.
    case offsetSpread = 8
    /// `similarity` (`same_as`): cosine similarity of the two embeddings in `reidSpace`.
    case similarity = 9
    /// Which `same_as` rule accepted the pair: 1 time only, 2 camera topology, 3 shared view.
    case rule = 10
    /// Shortest walk between the two cameras at the fastest plausible speed.
    case walkSeconds = 11

    /// The property's key in answers and exports: `gap_s`, `close_s`, `similarity`, …
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
    /// The edge's kind.
    public var kind: EdgeKind
    /// `.outgoing` when the segment this end was read from is the edge's `from`.
    public var direction: EdgeDirection
    /// The segment at the edge's other end.
    public var other: SegmentID
}

/// An edge with its properties, in its stored direction.
public struct Edge: Sendable {
    /// The edge's kind.
    public var kind: EdgeKind
    /// The subject: the person, the participant, or the earlier segment (`next` and the symmetric kinds).
    public var from: SegmentID
    /// The object the edge points at.
    public var to: SegmentID
    /// Named numbers in the order the linker wrote them (units in `EdgeProperty`); read one
    /// with `property(_:)`.
    public var properties: [(EdgeProperty, Double)]
}

extension Edge {
    /// The value of property `name`, if the edge has it.
    public func property(_ name: EdgeProperty) -> Double? {
        properties.first { $0.0 == name }?.1
    }
}
