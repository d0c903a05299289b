// The XML declaration's `encoding`, read before libxml2 sees the document: libxml2 2.9
// (through FoundationXML's push parser) crashes on some declared encodings — `utf-7` was
// found by `make fuzz` (a SIGSEGV in xmlSwitchToEncoding). CVAT writes UTF-8, so any other
// declared encoding is refused with a clear line instead of handed on.
import Foundation

enum XMLDeclaration {
    /// Encodings passed to libxml2 as they are (ASCII is a subset of UTF-8).
    static let accepted: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii"]

    /// The declared encoding, lowercased, when the document starts with `<?xml … encoding="…"?>`.
    static func encoding(of data: Data) -> String? {
        let head = data.prefix(256)
        guard let text = String(data: head, encoding: .isoLatin1), let open = text.range(of: "<?xml"),
              let close = text.range(of: "?>", range: open.upperBound..<text.endIndex) else { return nil }
        let declaration = text[open.upperBound..<close.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote }).lowercased()
    }
}
