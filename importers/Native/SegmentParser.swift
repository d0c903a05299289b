// One segment object → `SegmentInput`. Keys are matched as bytes against static names, so no
// String is built for a key; Strings are built only for values the segment keeps.
import SegGraphModel

/// The `source` field of a JSON Lines record: a name, or an object like a document's source.
struct SourceField {
    var name: String
    var object: SourceInput?
}

/// Parses segment objects; keeps scratch buffers between segments to avoid reallocating.
struct SegmentParser {
    let acceptsSourceField: Bool
    /// Unknown top-level members of the current segment: key token, value byte range.
    var unknownMembers: [(key: JSONStringToken, value: Range<Int>)] = []
    /// Their names, so a repeated one is refused.
    var unknownNames = SeenNames()
    /// Last seen dimension per space, to reserve vector capacity up front.
    var dimensionHints: [String: Int] = [:]

    init(acceptsSourceField: Bool) {
        self.acceptsSourceField = acceptsSourceField
    }

    /// Parses one segment object at the reader.
    /// - Throws: `JSONFailure` located by the reader's path (the segment's own path for
    ///   missing fields, `.end_time_sec` etc. for checks across fields).
    mutating func parse(_ reader: inout JSONReader, location: InputLocation,
                        source: SourceInput?) throws(JSONFailure) -> (segment: SegmentInput, source: SourceField?) {
        var fields = SegmentFields()
        unknownMembers.removeAll(keepingCapacity: true)
        unknownNames.removeAll()
        try reader.enterObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            try readMember(key, into: &fields, &reader)
        }
        guard let id = fields.id else { throw reader.failure("missing required field \"segment_id\"") }
        guard let label = fields.label else { throw reader.failure("missing required field \"label\"") }
        guard let start = fields.start else { throw reader.failure("missing required field \"start_time_sec\"") }
        guard let end = fields.end else { throw reader.failure("missing required field \"end_time_sec\"") }
        guard start >= 0 else {
            throw reader.failure("start_time_sec (\(start)) is negative: times are seconds from the source's start",
                                 suffix: [.name("start_time_sec")])
        }
        guard !label.isEmpty else { throw reader.failure("label is empty", suffix: [.name("label")]) }
        if let type = fields.type, type.isEmpty { throw reader.failure("type is empty", suffix: [.name("type")]) }
        if let confidence = fields.confidence, !(0...1).contains(confidence) {
            throw reader.failure("confidence (\(confidence)) must be in 0…1 or null", suffix: [.name("confidence")])
        }
        guard end >= start else {
            throw reader.failure("end_time_sec (\(end)) is before start_time_sec (\(start))",
                                 suffix: [.name("end_time_sec")])
        }
        let attributes = try attributesJSON(fields.attributes, &reader)
        let segment = SegmentInput(
            externalID: id, type: fields.type ?? "object_appearance", label: label,
            startSeconds: start, endSeconds: end, boxes: fields.boxes, maskPointers: fields.masks,
            embeddings: fields.embeddings, confidence: fields.confidence, trackID: fields.trackID,
            attributesJSON: attributes, location: location)
        return (segment, fields.source)
    }

    /// Dispatches one member by its key bytes.
    private mutating func readMember(_ key: JSONStringToken, into fields: inout SegmentFields,
                                     _ reader: inout JSONReader) throws(JSONFailure) {
        if reader.token(key, is: "bounding_boxes") {
            try fields.seen.claim(0, reader)
            if try !reader.consumeNull() { try readBoxes(&reader, into: &fields.boxes) }
        } else if reader.token(key, is: "embedding") {
            try fields.seen.claim(1, reader)
            if let vector = try readVector(space: "default", &reader) { fields.embeddings["default"] = vector }
        } else if reader.token(key, is: "segment_id") {
            try fields.seen.claim(2, reader)
            fields.id = try readIdentifier(&reader)
        } else if reader.token(key, is: "label") {
            try fields.seen.claim(3, reader)
            fields.label = try reader.readString(maxBytes: ImportLimits.labelBytesMax)
        } else if reader.token(key, is: "start_time_sec") {
            try fields.seen.claim(4, reader)
            fields.start = try reader.readDouble()
        } else if reader.token(key, is: "end_time_sec") {
            try fields.seen.claim(5, reader)
            fields.end = try reader.readDouble()
        } else if reader.token(key, is: "type") {
            try fields.seen.claim(6, reader)
            fields.type = try reader.readString(maxBytes: ImportLimits.labelBytesMax)
        } else if reader.token(key, is: "confidence") {
            try fields.seen.claim(7, reader)
            fields.confidence = try reader.readOptionalDouble()
        } else if reader.token(key, is: "embeddings") {
            try fields.seen.claim(8, reader)
            try readSpaces(&reader, into: &fields.embeddings)
        } else if reader.token(key, is: "mask_pointers") {
            try fields.seen.claim(9, reader)
            fields.masks = try readStrings(&reader)
        } else if reader.token(key, is: "attributes") {
            try fields.seen.claim(10, reader)
            fields.attributes = try readAttributes(&reader, trackID: &fields.trackID)
        } else if acceptsSourceField && reader.token(key, is: "source") {
            try fields.seen.claim(11, reader)
            fields.source = try readSourceField(&reader)
        } else {
            try unknownNames.claim(key, reader)
            unknownMembers.append((key, try reader.captureValue()))
        }
    }

    /// `segment_id`: a non-empty string, or an integer kept as its text.
    private func readIdentifier(_ reader: inout JSONReader) throws(JSONFailure) -> String {
        let kind = try reader.peekKind()
        let id: String
        if kind == .number {
            let start = reader.position
            guard try reader.scanNumber().isInteger else {
                throw reader.failure("expected a string or an integer, found \(reader.text(from: start))")
            }
            id = reader.text(from: start)
        } else {
            id = try reader.readString(maxBytes: ImportLimits.identifierBytesMax)
        }
        guard !id.isEmpty else { throw reader.failure("segment_id is empty") }
        return id
    }

    /// `mask_pointers`: strings, or `null` for none.
    private func readStrings(_ reader: inout JSONReader) throws(JSONFailure) -> [String] {
        var strings: [String] = []
        if try reader.consumeNull() { return strings }
        try reader.enterArray()
        var index = 0
        while try reader.nextElement(index) {
            guard index < ImportLimits.maskPointersPerSegmentMax else {
                throw reader.failure("more than \(ImportLimits.maskPointersPerSegmentMax) mask pointers")
            }
            strings.append(try reader.readString(maxBytes: ImportLimits.stringBytesMax))
            index += 1
        }
        return strings
    }

    /// A JSON Lines record's `source`: a name or a source object.
    private func readSourceField(_ reader: inout JSONReader) throws(JSONFailure) -> SourceField? {
        switch try reader.peekKind() {
        case .null: try reader.readLiteral("null"); return nil
        case .object:
            let object = try SourceParser.parse(&reader)
            return SourceField(name: object.name, object: object)
        default:
            return SourceField(name: try reader.readString(maxBytes: ImportLimits.identifierBytesMax))
        }
    }
}

/// The fields of one segment while its object is being read.
struct SegmentFields {
    var id: String?
    var type: String?
    var label: String?
    var start: Double?
    var end: Double?
    var boxes: [BoxInput] = []
    var masks: [String] = []
    var embeddings: [String: [Float]] = [:]
    var confidence: Double?
    /// Known keys read so far (a repeated one is refused).
    var seen = SeenKeys()
    var trackID: String?
    /// Byte range of the `attributes` object, if present and not null.
    var attributes: Range<Int>?
    var source: SourceField?
}
