// One value of an output record: typed for JSON, text for tables and CSV.
import Foundation
import SegGraphModel

enum OutputValue {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    /// Already-serialised JSON (attributes), embedded as is in JSON output.
    case rawJSON(String)
    case array([OutputValue])
    case object([(String, OutputValue)])

    static func optional(_ value: String?) -> OutputValue { value.map(OutputValue.string) ?? .null }
    static func optional(_ value: Double?) -> OutputValue { value.map(OutputValue.double) ?? .null }
    static func optional(_ value: Int?) -> OutputValue { value.map(OutputValue.int) ?? .null }

    /// Text for tables and CSV.
    var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return Self.formatDouble(d)
        case .bool(let b): return b ? "yes" : "no"
        case .null: return "-"
        case .rawJSON(let json): return json
        case .array(let items): return items.map(\.text).joined(separator: ",")
        case .object(let fields): return fields.map { "\($0.0)=\($0.1.text)" }.joined(separator: " ")
        }
    }

    /// Compact JSON; object keys keep their given order, so output is deterministic.
    var json: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Self.formatDouble(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .rawJSON(let json): return json
        case .array(let items): return "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.map { Self.quote($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        }
    }

    static func formatDouble(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func quote(_ s: String) -> String { JSONString.quoted(s) }
}
