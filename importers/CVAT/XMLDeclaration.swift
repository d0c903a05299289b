// The XML declaration's `encoding`, read before libxml2 sees the document: libxml2 2.9
// (through FoundationXML's push parser) crashes on some declared encodings — `utf-7` was
// found by `make fuzz` (a SIGSEGV in xmlSwitchToEncoding). CVAT writes UTF-8, so any other
// declared encoding is refused with a clear line instead of handed on.
import Foundation

enum XMLDeclaration {
    /// Encodings passed to libxml2 as they are (ASCII is a subset of UTF-8).
    static let accepted: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii"]

    /// The declared encoding, lowercased, when the document starts with `<?xml … encoding=…`;
    /// "" when it declares one this cannot read. Up to the first `>`, not `?>`: libxml2 reads
    /// the declaration of `<?xml version="1.0" encoding="utf-7"?ns>` too (a second fuzz find).
    static func encoding(of data: Data) -> String? {
        let head = data.prefix(512)
        guard let text = String(data: head, encoding: .isoLatin1), let open = text.range(of: "<?xml") else { return nil }
        let end = text.range(of: ">", range: open.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let declaration = text[open.upperBound..<end]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "" }
        let value = rest.dropFirst().prefix { $0 != quote }
        return String(value).lowercased()
    }
}
