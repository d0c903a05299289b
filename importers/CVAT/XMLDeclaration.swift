// Checks made before libxml2 (through FoundationXML) sees a document, because it crashes on
// them; each was found by `make fuzz`:
// - a declared encoding other than UTF-8 (`utf-7`: SIGSEGV in xmlSwitchToEncoding). CVAT
//   writes UTF-8, so any other declared encoding is refused;
// - a processing instruction without data (`<?p?>`: FoundationXML's callback calls strlen on
//   NULL). CVAT writes no processing instruction but the XML declaration, so any other is
//   refused.
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

    /// The 1-based line of the first processing instruction other than a leading `<?xml`
    /// declaration, if any.
    static func processingInstructionLine(in data: Data) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            var line = 1
            var index = 0
            let count = bytes.count
            while index + 1 < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                } else if byte == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "?") {
                    let isDeclaration = index + 5 <= count && bytes[(index + 2)..<(index + 5)].elementsEqual("xml".utf8)
                        && (index + 5 == count || [UInt8(ascii: " "), UInt8(ascii: "?"), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index + 5]))
                    if !isDeclaration { return line }
                }
                index += 1
            }
            return nil
        }
    }

    /// The 1-based line of a `<!DOCTYPE` or `<!ENTITY` declaration, if any: CVAT writes none,
    /// and a document type is where external entities (XXE) come from.
    static func documentTypeLine(in data: Data) -> Int? {
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let range = data.range(of: Data(marker.utf8)) {
                return data[data.startIndex..<range.lowerBound].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            }
        }
        return nil
    }
}

