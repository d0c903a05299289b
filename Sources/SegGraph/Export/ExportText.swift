// Text encodings the exporters share: JSON strings and numbers that parse back to the same
// bits, CSV fields, XML escapes.
internal import Foundation
internal import SegGraphModel

enum ExportText {
    /// A JSON string literal with the escapes RFC 8259 requires.
    static func json(_ text: String) -> String { JSONString.quoted(text) }

    /// Shortest text that parses back to the same Double (Swift's description), `null` if not finite.
    static func number(_ value: Double) -> String { value.isFinite ? value.description : "null" }

    /// Shortest text that parses back to the same Float, even through a Double parse
    /// (the importer reads Double, then rounds to Float).
    static func number(_ value: Float) -> String { value.isFinite ? value.description : "null" }

    static func jsonOptional(_ text: String?) -> String { text.map(json) ?? "null" }

    /// A CSV field, quoted only when it must be (RFC 4180).
    static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text for XML content and attribute values.
    static func xml(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
