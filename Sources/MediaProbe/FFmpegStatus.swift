// FFmpeg reports failures as negative Int32 codes; these helpers turn them into text and
// throwing calls, and keep FFmpeg's own logging quiet.
import CFFmpeg

enum FFmpegStatus {
    static let endOfFile = seggraph_averror_eof()
    static let tryAgain = seggraph_averror_eagain()
    static let noTimestamp = seggraph_nopts()

    /// FFmpeg's text for an error code (`Invalid data found when processing input`).
    static func text(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        if av_strerror(code, &buffer, buffer.count) < 0 { return "FFmpeg error \(code)" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// FFmpeg logs decoder complaints (box.mp4's h264 slice errors) straight to stderr, which
    /// would corrupt CLI output; MediaProbe reports through its errors instead. Evaluated once.
    static let silenced: Void = { av_log_set_level(AV_LOG_QUIET) }()
}

extension MediaProbeError {
    /// Error for a failed FFmpeg call, with FFmpeg's reason text.
    init(_ code: Code, path: String, action: String, status: Int32) {
        self.init(code, path: path, action: action, reason: FFmpegStatus.text(status))
    }
}

/// A C string from FFmpeg (may be NULL) as Swift text.
func string(_ cString: UnsafePointer<CChar>?, default fallback: String = "") -> String {
    guard let cString else { return fallback }
    return String(cString: cString)
}
