// The segment as an importer hands it to the store: validated, unit-explicit,
// still in source-relative seconds (the store maps it onto the source's clock).

/// One box of a segment's track. A box has a frame index, a time, or both.
public struct BoxInput: Sendable, Equatable {
    /// 0- or 1-based frame number as written in the input; `nil` when absent.
    public var frameIndex: Int32?
    /// Seconds from the start of the source; `nil` when absent.
    public var timeSeconds: Double?
    public var x: Float
    public var y: Float
    public var width: Float
    public var height: Float

    public init(frameIndex: Int32?, timeSeconds: Double?, x: Float, y: Float, width: Float, height: Float) {
        self.frameIndex = frameIndex
        self.timeSeconds = timeSeconds
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Where an input element came from, for error messages and provenance.
public struct InputLocation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line number (JSON Lines, and syntax errors); `nil` when unknown.
    public var line: Int?
    /// JSON path of the element, e.g. `$[3]` or `$.segments[3].end_time_sec`.
    public var jsonPath: String
    /// Bytes of the file read once the element was parsed (progress by bytes); `nil` when the
    /// importer does not stream. Not part of equality: it says how far, not where.
    public var bytesRead: Int?

    public init(line: Int? = nil, jsonPath: String) {
        self.line = line
        self.jsonPath = jsonPath
    }

    public static func == (a: InputLocation, b: InputLocation) -> Bool {
        a.line == b.line && a.jsonPath == b.jsonPath
    }

    /// `line 7, $.confidence` or `$[3].end_time_sec`.
    public var description: String {
        if let line { return "line \(line), \(jsonPath)" }
        return jsonPath
    }
}

/// A segment read from input: a future graph node.
public struct SegmentInput: Sendable, Equatable {
    /// `segment_id`; unique within its source.
    public var externalID: String
    /// `source` field of a JSON Lines record; `nil` in documents and bare arrays.
    public var sourceName: String?
    /// `type`; `object_appearance` when absent. Other strings are kept as they are.
    public var type: String
    public var label: String
    public var startSeconds: Double
    public var endSeconds: Double
    public var boxes: [BoxInput]
    public var maskPointers: [String]
    /// Embedding space name → vector. `embedding` is space `default`; empty vectors are dropped.
    public var embeddings: [String: [Float]]
    /// `nil` when the input has `null` or no confidence.
    public var confidence: Double?
    /// `attributes.track_id` as text (numbers are kept as their JSON text), if any.
    public var trackID: String?
    /// A JSON object: the input's `attributes` plus every unknown top-level field.
    public var attributesJSON: String
    /// Where this segment starts in the input.
    public var location: InputLocation

    public init(
        externalID: String, sourceName: String? = nil, type: String = "object_appearance",
        label: String, startSeconds: Double, endSeconds: Double, boxes: [BoxInput] = [],
        maskPointers: [String] = [], embeddings: [String: [Float]] = [:], confidence: Double? = nil,
        trackID: String? = nil, attributesJSON: String = "{}", location: InputLocation
    ) {
        self.externalID = externalID
        self.sourceName = sourceName
        self.type = type
        self.label = label
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.boxes = boxes
        self.maskPointers = maskPointers
        self.embeddings = embeddings
        self.confidence = confidence
        self.trackID = trackID
        self.attributesJSON = attributesJSON
        self.location = location
    }
}
