// A stored segment: a graph node. Times are on the source's clock (see TimeSpan).

/// One box of a stored track.
public struct Box: Sendable, Equatable {
    /// Frame number as written in the input; `nil` when the input had only a time.
    public var frameIndex: Int32?
    /// Seconds after the segment's start; `nil` when the input had only a frame.
    public var offsetSeconds: Float?
    /// Left edge in pixels (origin top-left).
    public var x: Float
    /// Top edge in pixels (y grows downward).
    public var y: Float
    /// Width in pixels.
    public var width: Float
    /// Height in pixels.
    public var height: Float
}

/// A segment record as stored in LMDB.
public struct Segment: Sendable, Equatable {
    /// Internal id; filled from the table key when read (the record does not store it).
    public var id: SegmentID
    /// The source the segment was seen in.
    public var sourceID: SourceID
    /// The ledger entry of the import that stored it.
    public var importID: ImportID
    /// Start and end in nanoseconds on the source's clock: UTC since 1970 for wall-clock
    /// sources, since t = 0 for relative-only ones.
    public var span: TimeSpan
    /// Start as seconds from the source's t = 0, as it was in the input.
    public var startOffsetSeconds: Double
    /// `type` from the input: `object_appearance` when absent; `activity` makes it an activity
    /// for `during`; other strings are kept as written.
    public var type: String
    /// Class label, e.g. `person`, `bag`, `fall`; at most `Limits.identifierBytesMax` bytes.
    public var label: String
    /// `segment_id` from the input, unique within its source: the segment's name is
    /// `SOURCE/EXTERNAL_ID`.
    public var externalID: String
    /// `attributes.track_id` as text; `nil` when the input had none. `next` edges follow it.
    public var trackID: String?
    /// Confidence as written (no range is enforced), stored as a 32-bit float; `nil` when
    /// absent or null.
    public var confidence: Double?
    /// Boxes stored for the segment (read them with `Snapshot.boxes(of:)`).
    public var boxCount: Int
    /// `mask_pointers` from the input, opaque strings kept as written; empty when none.
    public var maskPointers: [String]
    /// A JSON object: the input's attributes plus unknown fields.
    public var attributesJSON: String
}
