// The one owner of a SwsContext: converts (and resizes) a decoded picture to the pixel format
// the caller needs — full-range 4:2:0 for JPEG, 8-bit gray for checks.
import CFFmpeg

final class Scaler {
    private let pointer: OpaquePointer
    private let width: Int
    private let height: Int
    private let format: AVPixelFormat

    /// Scales pictures shaped like `source` to `width`×`height` in `format`.
    init(source: Frame, width: Int, height: Int, format: AVPixelFormat,
         path: String) throws(MediaProbeError) {
        let sourceFormat = AVPixelFormat(rawValue: source.pointer.pointee.format)
        // Area averaging when shrinking avoids aliasing; bicubic otherwise.
        let shrinking = width < source.width || height < source.height
        guard let context = sws_getContext(
            Int32(source.width), Int32(source.height), sourceFormat,
            Int32(width), Int32(height), format,
            shrinking ? SWS_AREA : SWS_BICUBIC, nil, nil, nil)
        else {
            throw MediaProbeError(.cannotScale, path: path, action: "cannot scale frame",
                                  reason: "unsupported conversion \(source.width)x\(source.height) "
                                      + "to \(width)x\(height)")
        }
        self.pointer = context
        self.width = width
        self.height = height
        self.format = format
    }

    deinit { sws_freeContext(pointer) }

    /// A new frame holding `source` converted.
    func scale(_ source: Frame, path: String) throws(MediaProbeError) -> Frame {
        let output = Frame()
        output.pointer.pointee.width = Int32(width)
        output.pointer.pointee.height = Int32(height)
        output.pointer.pointee.format = format.rawValue
        var status = av_frame_get_buffer(output.pointer, 0)
        if status >= 0 { status = sws_scale_frame(pointer, output.pointer, source.pointer) }
        guard status >= 0 else {
            throw MediaProbeError(.cannotScale, path: path, action: "cannot scale frame",
                                  status: status)
        }
        return output
    }
}
