// The predicates of `find`: edges to labelled segments, zone entry, and interval
// relations to other segments, parsed from the text people write.

/// `KIND:LABEL`, e.g. `holds:product`, `wears:hardhat`, `during:fall`.
public struct EdgePredicate: Sendable, Equatable {
    /// The edge kind that must link the tested segment to the other one, in either direction.
    public var kind: EdgeKind
    /// The label the segment at the other end must have (exact match).
    public var label: String

    /// - Parameter parameter: the parameter the text came from (`with` or `without`), named in errors.
    /// - Throws: `StoreError.invalidArgument` naming the accepted kinds.
    public init(parsing text: String, parameter: String = "with") throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = EdgeKind(name: parts[0]), !parts[1].isEmpty else {
            let typo = parts.count == 2 && EdgeKind(name: parts[0]) == nil
                ? DidYouMean.suggestion(for: parts[0], among: EdgeKind.allCases.map(\.description)).map { "; did you mean \"\($0):\(parts[1])\"?" } ?? ""
                : ""
            throw StoreError(.invalidArgument, "\(text): expected KIND:LABEL with KIND one of \(EdgeKind.names)\(typo)", parameter: parameter)
        }
        self.kind = kind
        self.label = parts[1]
    }
}

/// How a segment B must relate in time to the segment A being tested.
public enum IntervalRelation: String, Sendable {
    /// B begins after A begins and at most Δ after A ends.
    case then
    /// A lies within B.
    case during
    /// A and B overlap.
    case overlaps
}

/// `label=fall[,type=activity][,source=cam_03] [within 30s]`: another segment, linked to
/// A by an edge or in A's source, that satisfies the conditions and the relation.
public struct SequencePredicate: Sendable, Equatable {
    /// How the other segment B must relate in time to the tested segment A.
    public var relation: IntervalRelation
    /// `label`, `type` or `source` and the value B must have; every one must match.
    public var conditions: [(field: String, value: String)]
    /// For `.then`: how long after A's end B may begin, in seconds (0 without `within`, so B
    /// must begin no later than A ends); ignored by `.during` and `.overlaps`.
    public var withinSeconds: Double

    /// Same relation, window and conditions in the same order.
    public static func == (a: Self, b: Self) -> Bool {
        a.relation == b.relation && a.withinSeconds == b.withinSeconds
            && a.conditions.map(\.field) == b.conditions.map(\.field) && a.conditions.map(\.value) == b.conditions.map(\.value)
    }

    /// Parses `label=fall[,type=activity][,source=cam_03] [within 30s]`; conditions may also be
    /// separated by spaces, and `within` takes `ms`, `s`, `m` or `h` up to one year.
    /// - Throws: `.invalidArgument` with parameter `relation.rawValue` (`then`, `during`,
    ///   `overlaps`) for an unknown field, an empty value, no condition, or a bad duration.
    public init(relation: IntervalRelation, parsing text: String) throws {
        self.relation = relation
        let words = text.split(separator: " ").map(String.init)
        var conditionText = words.first ?? ""
        var within = 0.0
        if let index = words.firstIndex(of: "within") {
            conditionText = words[..<index].joined(separator: ",")
            guard index + 1 < words.count, let seconds = Self.seconds(words[index + 1]) else {
                throw StoreError(.invalidArgument, "\(relation.rawValue) \(text): expected `within DURATION` like 30s, 2m or 1h", parameter: relation.rawValue)
            }
            within = seconds
        } else if words.count > 1 {
            conditionText = words.joined(separator: ",")
        }
        var conditions: [(String, String)] = []
        for item in conditionText.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, ["label", "type", "source"].contains(pair[0]), !pair[1].isEmpty else {
                throw StoreError(.invalidArgument, "\(relation.rawValue) \(text): expected conditions like label=fall,type=activity (fields: label, type, source)", parameter: relation.rawValue)
            }
            conditions.append((pair[0], pair[1]))
        }
        guard !conditions.isEmpty else {
            throw StoreError(.invalidArgument, "\(relation.rawValue): give at least one condition, e.g. label=fall", parameter: relation.rawValue)
        }
        self.conditions = conditions
        self.withinSeconds = within
    }

    /// The longest duration a predicate accepts: one year.
    public static let durationSecondsMax = 366.0 * 86_400

    /// `30s`, `2m`, `1h`, `500ms` → seconds.
    public static func parseDuration(_ text: String) -> Double? { seconds(text) }

    static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            // Bounded, so a duration always fits a nanosecond clock (a year is plenty).
            if let value = Double(text.dropLast(suffix.count)), value >= 0, value * factor <= Self.durationSecondsMax { return value * factor }
        }
        return nil
    }

    func matches(_ segment: Segment, sourceName: String) -> Bool {
        conditions.allSatisfy { condition in
            switch condition.field {
            case "label": segment.label == condition.value
            case "type": segment.type == condition.value
            default: sourceName == condition.value
            }
        }
    }

    func relates(_ a: TimeSpan, _ b: TimeSpan) -> Bool {
        switch relation {
        case .then:
            let delay = Double(b.startNanoseconds - a.endNanoseconds) / 1e9
            return b.startNanoseconds > a.startNanoseconds && delay <= withinSeconds
        case .during: return b.startNanoseconds <= a.startNanoseconds && a.endNanoseconds <= b.endNanoseconds
        case .overlaps: return a.overlaps(b)
        }
    }
}

/// `SOURCE:ZONE`: a named polygon of one source.
public struct ZoneReference: Sendable, Equatable {
    /// Source name.
    public var source: String
    /// Zone name within that source.
    public var name: String

    /// Zone `name` of `source`; whether it exists is checked when a query runs.
    public init(source: String, name: String) {
        self.source = source
        self.name = name
    }

    /// - Throws: `.invalidArgument` unless the text is `SOURCE:ZONE`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw StoreError(.invalidArgument, "zone \(text): expected SOURCE:ZONE", parameter: "zone")
        }
        self.init(source: parts[0], name: parts[1])
    }
}
