// The one error family of MediaProbe. Text is part of the contract (tests assert it), so it is
// built in one place: `<path>: <action>: <reason>`, reason being FFmpeg's own (av_strerror)
// when FFmpeg failed.

/// A video could not be probed, decoded or thumbnailed.
public struct MediaProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case cannotOpen, cannotReadStreams, noVideoStream, noDecoder, cannotDecode, cannotSeek
        case frameNotFound, boxOutsideFrame, cannotScale, cannotEncode, invalidArgument
    }

    public var code: Code
    /// The path as the caller gave it.
    public var path: String
    /// What MediaProbe was doing, e.g. `cannot open`.
    public var action: String
    /// FFmpeg's reason text, or MediaProbe's.
    public var reason: String

    public init(_ code: Code, path: String, action: String, reason: String) {
        self.code = code
        self.path = path
        self.action = action
        self.reason = reason
    }

    /// One line: `video.mp4: cannot open: No such file or directory`.
    public var description: String {
        reason.isEmpty ? "\(path): \(action)" : "\(path): \(action): \(reason)"
    }
}
