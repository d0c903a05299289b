// Every bound the importers enforce, in one place (TigerBeetle style: a limit on everything).
// Inputs beyond a limit are rejected with a clear error rather than exhausting memory.

/// Limits on what one input file may contain.
public enum ImportLimits {
    /// Largest embedding vector accepted (per space).
    public static let embeddingDimensionMax = 4096
    /// Embedding spaces per segment (`embedding` plus the keys of `embeddings`).
    public static let embeddingSpacesPerSegmentMax = 64
    /// Boxes in one segment's `bounding_boxes`.
    public static let boxesPerSegmentMax = 1_000_000
    /// Entries in one segment's `mask_pointers`.
    public static let maskPointersPerSegmentMax = 1_000_000
    /// UTF-8 bytes of a `segment_id`, source `id` or embedding space name.
    public static let identifierBytesMax = 512
    /// UTF-8 bytes of `label`, `type` and other short names.
    public static let labelBytesMax = 1024
    /// UTF-8 bytes of any other kept string (paths, mask pointers, time zones).
    public static let stringBytesMax = 64 * 1024
    /// Bytes of a segment's attributes JSON after unknown fields are merged in.
    public static let attributesBytesMax = 1024 * 1024
    /// Bytes of a source object's extra fields as JSON.
    public static let sourceExtraBytesMax = 1024 * 1024
    /// Nesting of arrays/objects in skipped or captured values.
    public static let nestingDepthMax = 256
    /// Zones per source and vertices per zone polygon.
    public static let zonesPerSourceMax = 10_000
    public static let polygonVerticesMax = 100_000
    /// Entries in a source's `adjacent` list.
    public static let adjacentSourcesMax = 10_000
    /// Boxes (rows, detections, shapes) held in memory by importers that must read a whole
    /// file before emitting segments (MOT, CVAT, COCO-VID, Ultralytics group by track).
    /// ~48 bytes each: 10 M boxes ≈ 500 MB.
    public static let bufferedBoxesMax = 10_000_000
    /// Frames a CVAT keyframe interpolation may fill between two keyframes.
    public static let interpolatedFramesMax = 1_000_000
    /// Bytes of a side file read whole (MOT `seqinfo.ini`).
    public static let sideFileBytesMax = 1024 * 1024
    /// Files larger than this release already-parsed pages while importing …
    public static let pageReleaseThresholdBytes = 64 * 1024 * 1024
    /// … every this many bytes, so resident memory stays far below the file size.
    public static let pageReleaseStrideBytes = 32 * 1024 * 1024
}
