// A stored segment: a graph node. Times are on the source's clock (see TimeSpan).

/// One box of a stored track.
public struct Box: Sendable, Equatable {
    /// Frame number as written in the input; `nil` when the input had only a time.
    public var frameIndex: Int32?
    /// Seconds after the segment's start; `nil` when the input had only a frame.
    public var offsetSeconds: Float?
    public var x: Float
    public var y: Float
    public var width: Float
    public var height: Float
}

/// A segment record as stored in LMDB.
public struct Segment: Sendable, Equatable {
    public var id: SegmentID
    public var sourceID: SourceID
    public var importID: ImportID
    public var span: TimeSpan
    /// Start as seconds from the source's t = 0, as it was in the input.
    public var startOffsetSeconds: Double
    public var type: String
    public var label: String
    public var externalID: String
    public var trackID: String?
    public var confidence: Double?
    public var boxCount: Int
    public var maskPointers: [String]
    /// A JSON object: the input's attributes plus unknown fields.
    public var attributesJSON: String
}
