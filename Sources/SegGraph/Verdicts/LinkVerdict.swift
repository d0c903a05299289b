// An investigator's verdict on whether two sightings are one individual. Kept apart from the
// derived edges, keyed by the segments' names (`source/segment_id`, which survive `relink`,
// `import --replace` and a rebuild from an export), so no recomputation forgets it.
internal import Foundation

/// "These two sightings are (not) the same individual", with who said so and when.
public struct LinkVerdict: Codable, Sendable, Equatable {
    public enum Decision: String, Codable, Sendable, CaseIterable {
        /// The trace always follows this link.
        case confirm
        /// The trace never follows this link, and never accepts both sightings.
        case reject
    }

    /// The two segment names, in sorted order.
    public var first: String
    public var second: String
    public var decision: Decision
    /// Who decided (free text: a name or badge number).
    public var by: String
    /// When, UTC, ISO 8601 with milliseconds.
    public var at: String
    public var note: String?

    /// A verdict on the pair (`a`, `b`) in either order.
    public init(_ a: String, _ b: String, decision: Decision, by: String, at: String, note: String? = nil) {
        (first, second) = a <= b ? (a, b) : (b, a)
        self.decision = decision
        self.by = by
        self.at = at
        self.note = note
    }

    /// Table key: the two names joined by NUL (never part of a stored name).
    var key: [UInt8] { Self.key(first, second) }

    static func key(_ a: String, _ b: String) -> [UInt8] {
        let (x, y) = a <= b ? (a, b) : (b, a)
        return Array(x.utf8) + [0] + Array(y.utf8)
    }
}

extension LinkVerdict: Answerable {
    public var answer: Answer { Answer(list: [row], columns: Self.columns) }

    var row: AnswerValue {
        .object([
            AnswerField("first", .string(first)), AnswerField("second", .string(second)),
            AnswerField("decision", .string(decision.rawValue)), AnswerField("by", .string(by)),
            AnswerField("at", .string(at)), AnswerField("note", .optional(note)),
        ])
    }

    static let columns = ["first", "second", "decision", "by", "at", "note"].map { AnswerColumn($0) }
}

/// Every recorded verdict, by pair.
public struct LinkVerdicts: Sendable, Answerable {
    public var verdicts: [LinkVerdict]

    public var answer: Answer {
        Answer(list: verdicts.map(\.row), columns: LinkVerdict.columns,
               notes: verdicts.isEmpty ? ["no verdicts recorded (seggraph link confirm|reject A B)"] : [])
    }
}

/// Lists the verdicts.
public struct VerdictsQuery: Query {
    public init() {}

    public func run(in snapshot: borrowing Snapshot) throws -> LinkVerdicts {
        LinkVerdicts(verdicts: try snapshot.verdicts())
    }
}

extension LinkVerdict {
    /// The verdicts of a file written by `link list --json` (an array of verdict objects).
    /// - Throws: `.invalidArgument` naming the file and the element that does not decode.
    public static func decodeList(contentsOf path: String) throws -> [LinkVerdict] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(.invalidArgument, "\(path): cannot read the file", parameter: "file")
        }
        do {
            return try JSONDecoder().decode([LinkVerdict].self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let index = context.codingPath.first?.intValue.map { "[\($0)]" } ?? ""
            throw StoreError(.invalidArgument, "\(path): $\(index).\(key.stringValue): missing", parameter: "file")
        } catch {
            throw StoreError(.invalidArgument, "\(path): not a list of verdicts (`seggraph link list --json` writes one)", parameter: "file")
        }
    }
}
