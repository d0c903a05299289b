// `attributes` and unknown top-level fields, kept as original JSON text. The common case (no
// unknown fields) copies the attributes bytes once; merging re-reads the attributes object
// from the map, which is cheap and rare.

extension SegmentParser {
    /// Skims the `attributes` object, picking out `track_id`; returns the object's byte range.
    func readAttributes(_ reader: inout JSONReader, trackID: inout String?) throws(JSONFailure) -> Range<Int>? {
        if try reader.consumeNull() { return nil }
        reader.skipWhitespace()
        let start = reader.position
        var keys = SeenNames()
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            // Kept as text, so a repeated key would reach the catalog's json_extract ambiguous.
            try keys.claim(key, reader)
            guard reader.token(key, is: "track_id") else { try reader.skipValue(); continue }
            switch try reader.peekKind() {
            case .null: try reader.readLiteral("null"); trackID = nil
            case .number:
                let valueStart = reader.position
                _ = try reader.scanNumber()
                trackID = reader.text(from: valueStart)
            case .string: trackID = try reader.readString(maxBytes: ImportLimits.identifierBytesMax)
            case let kind: throw reader.typeMismatch(expected: "a string or a number", found: kind)
            }
        }
        guard reader.position - start <= ImportLimits.attributesBytesMax else {
            throw reader.failure("attributes are larger than \(ImportLimits.attributesBytesMax) bytes")
        }
        return start..<reader.position
    }

    /// The segment's attributes JSON: `attributes` plus unknown members (attributes win).
    func attributesJSON(_ attributes: Range<Int>?, _ reader: inout JSONReader) throws(JSONFailure) -> String {
        if unknownMembers.isEmpty {
            guard let attributes else { return "{}" }
            return try text(of: attributes, reader)
        }
        var members: [String] = []
        var taken = Set<String>()
        if let attributes {
            var inner = reader
            inner.position = attributes.lowerBound
            inner.end = attributes.upperBound
            try inner.enterObject()
            var first = true
            while let key = try inner.nextKey(&first) {
                let value = try inner.captureValue()
                taken.insert(try inner.decode(key))
                members.append(try text(of: (key.start - 1)..<(key.start + key.count + 1), reader)
                               + ":" + text(of: value, reader))
            }
        }
        for (key, value) in unknownMembers where !taken.contains(try reader.decode(key)) {
            members.append(try text(of: (key.start - 1)..<(key.start + key.count + 1), reader)
                           + ":" + text(of: value, reader))
        }
        let json = "{" + members.joined(separator: ",") + "}"
        guard json.utf8.count <= ImportLimits.attributesBytesMax else {
            throw reader.failure("attributes are larger than \(ImportLimits.attributesBytesMax) bytes")
        }
        return json
    }

    /// The bytes of `range` as a String, validating UTF-8.
    private func text(of range: Range<Int>, _ reader: JSONReader) throws(JSONFailure) -> String {
        let raw = UnsafeBufferPointer(start: reader.base + range.lowerBound, count: range.count)
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw reader.failure("invalid UTF-8 in attributes")
        }
        return text
    }
}
