// One value of an answer: typed for JSON, text for tables and CSV. The library builds
// answers from these; the CLI and the server only write their bytes.
public import SegGraphModel

/// A JSON-shaped value whose object keys keep their order, so an answer's bytes are
/// deterministic.
public enum AnswerValue: Sendable, Equatable {
    /// A JSON string.
    case string(String)
    /// A JSON integer.
    case int(Int)
    /// A JSON number; `null` in JSON when not finite. Integral values print without a fraction.
    case double(Double)
    /// JSON `true`/`false`; `yes`/`no` in tables.
    case bool(Bool)
    /// JSON `null`; `-` in tables.
    case null
    /// Already-serialised JSON (a segment's attributes), embedded as is.
    case rawJSON(String)
    /// A JSON array; comma-separated text in tables.
    case array([AnswerValue])
    /// A JSON object whose keys keep the order given (never sorted).
    case object([AnswerField])

    /// `.string(value)`, or `.null` when `value` is nil.
    public static func optional(_ value: String?) -> AnswerValue { value.map(AnswerValue.string) ?? .null }
    /// `.double(value)` (unrounded), or `.null` when `value` is nil.
    public static func optional(_ value: Double?) -> AnswerValue { value.map(AnswerValue.double) ?? .null }
    /// `.int(value)`, or `.null` when `value` is nil.
    public static func optional(_ value: Int?) -> AnswerValue { value.map(AnswerValue.int) ?? .null }

    /// `value` rounded to `decimals` places: answers carry no float noise (0.1f as 0.1000000015).
    public static func rounded(_ value: Double, _ decimals: Int) -> AnswerValue {
        guard value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return .double((value * scale).rounded() / scale)
    }

    /// The field `key` of an object, `nil` otherwise.
    public subscript(key: String) -> AnswerValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// Text for tables and CSV.
    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return Self.formatDouble(d)
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "-"
        case .rawJSON(let json): return json
        case .array(let items): return items.map(\.text).joined(separator: ",")
        case .object(let fields): return fields.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
        }
    }

    /// Compact JSON; non-finite numbers are `null`.
    public var json: String {
        switch self {
        case .string(let s): return JSONString.quoted(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Self.formatDouble(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .rawJSON(let json): return json
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.map { JSONString.quoted($0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }

    /// Integral values print without a fraction (`3`, not `3.0`).
    public static func formatDouble(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

/// One key and its value in an answer object.
public struct AnswerField: Sendable, Equatable {
    /// The key, written as given (object keys keep their order).
    public var key: String
    /// The key's value.
    public var value: AnswerValue

    /// The field `key` with `value`.
    public init(_ key: String, _ value: AnswerValue) {
        self.key = key
        self.value = value
    }
}
