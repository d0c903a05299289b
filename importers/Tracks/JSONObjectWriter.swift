// Builds the small JSON objects foreign importers write into `attributesJSON` and
// `extraJSON`. Keys are written in call order, so output is deterministic.
internal import SegGraphModel

/// Appends members to a compact JSON object: `{"track_id":3,"label_source":"manual"}`.
struct JSONObjectWriter {
    private var body = ""

    mutating func add(_ key: String, int value: Int64) {
        member(key)
        body += String(value)
    }

    /// Finite doubles only (JSON has no NaN); integral values are written without `.0` so a
    /// frame rate of 25 reads `25`.
    mutating func add(_ key: String, double value: Double) {
        precondition(value.isFinite, "JSON cannot hold \(value)")
        member(key)
        if value == value.rounded(), abs(value) < 1e15 { body += String(Int64(value)) } else { body += String(value) }
    }

    mutating func add(_ key: String, string value: String) {
        member(key)
        Self.appendQuoted(value, to: &body)
    }

    /// `value` must already be valid JSON text (e.g. another writer's `text`).
    mutating func add(_ key: String, json value: String) {
        member(key)
        body += value
    }

    var text: String { "{" + body + "}" }

    private mutating func member(_ key: String) {
        if !body.isEmpty { body += "," }
        Self.appendQuoted(key, to: &body)
        body += ":"
    }

    /// RFC 8259 string: quote, backslash and control characters escaped.
    static func appendQuoted(_ text: String, to out: inout String) { JSONString.append(text, to: &out) }

    /// A JSON array of strings.
    static func stringArray(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            appendQuoted(value, to: &out)
        }
        return out + "]"
    }
}
