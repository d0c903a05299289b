// Errors in input files. The text is part of the contract: golden tests assert it.

/// Bad input: names the file, the line or JSON path, and the reason.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Where in the file; `nil` for whole-file problems (unreadable, empty, unknown format).
    public var location: InputLocation?
    public var reason: String

    public init(file: String, location: InputLocation?, reason: String) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    /// `FILE: LOCATION: REASON`, one line.
    public var description: String {
        if let location { return "\(file): \(location): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// A non-fatal oddity in the input, counted and reported, never fatal.
public enum ImportWarningKind: String, Sendable, CaseIterable {
    case boxOutsideFrame = "box_outside_frame"
    case frameGap = "frame_gap"
    case boxOutsideSegmentTime = "box_outside_segment_time"
    /// A foreign shape with no box equivalent (CVAT cuboids, skeletons), skipped.
    case skippedShape = "skipped_shape"
    /// A detection without a track id (Ultralytics frames the tracker did not confirm), skipped.
    case untrackedDetection = "untracked_detection"
}
