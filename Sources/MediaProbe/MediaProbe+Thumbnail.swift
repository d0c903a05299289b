// Thumbnails of a segment's box and raw gray frames: open, find the nearest frame, crop,
// scale with libswscale, encode with libavcodec's MJPEG or PNG encoder.
import CFFmpeg

extension MediaProbe {
    /// A picture of `box` (grown by `marginFraction`) at `position`, at most `maxSide` pixels
    /// on its longer side, keeping the aspect ratio; never enlarged.
    ///
    /// - Parameters:
    ///   - path: a video file.
    ///   - position: frame number (0-based, converted with the probed frame rate) or seconds.
    ///   - box: pixels, top-left origin; the part outside the frame is clipped.
    ///   - marginFraction: context kept around the box on each side, as a fraction of its size.
    ///   - maxSide: longest side of the output in pixels, ≥ 1.
    ///   - format: JPEG (baseline, full-range 4:2:0; starts FF D8, ends FF D9) or PNG (RGB).
    /// - Returns: the complete file.
    /// - Throws: `MediaProbeError` — the open errors of `probe`, `.invalidArgument`,
    ///   `.frameNotFound` past the end, `.boxOutsideFrame`, `.cannotDecode`, `.cannotScale`,
    ///   `.cannotEncode`.
    /// - Complexity: decodes from the keyframe before `position` to it (one GOP at most).
    public func thumbnail(path: String, at position: FramePosition, box: PixelBox,
                          marginFraction: Double = 0.15, maxSide: Int = 256,
                          format: PictureFormat = .jpeg) throws(MediaProbeError) -> [UInt8] {
        let picture = try croppedFrame(path: path, at: position, box: box, marginFraction: marginFraction,
                                       maxSide: maxSide, pixelFormat: CodecContext.pixelFormat(for: format))
        let encoder = try CodecContext.pictureEncoder(format, width: picture.width, height: picture.height, path: path)
        return try encoder.encodeSingleFrame(picture)
    }

    /// The same picture as `thumbnail`, as RGB pixels (to compose before encoding); with
    /// `enlarging`, a crop smaller than `maxSide` is scaled up to fill it (a sheet's cell).
    public func thumbnailImage(path: String, at position: FramePosition, box: PixelBox,
                               marginFraction: Double = 0.15, maxSide: Int = 256,
                               enlarging: Bool = false) throws(MediaProbeError) -> RGBImage {
        let picture = try croppedFrame(path: path, at: position, box: box, marginFraction: marginFraction,
                                       maxSide: maxSide, enlarging: enlarging, pixelFormat: AV_PIX_FMT_RGB24)
        return RGBImage(rgb24: picture)
    }

    /// `image` encoded as a complete JPEG or PNG file; `label` names it in errors.
    public func encode(_ image: RGBImage, as format: PictureFormat, label: String = "picture") throws(MediaProbeError) -> [UInt8] {
        let frame = Frame(rgb24: image)
        var picture = frame
        if format != .png {
            let scaler = try Scaler(source: frame, width: image.width, height: image.height,
                                    format: CodecContext.pixelFormat(for: format), path: label)
            picture = try scaler.scale(frame, path: label)
        }
        let encoder = try CodecContext.pictureEncoder(format, width: image.width, height: image.height, path: label)
        return try encoder.encodeSingleFrame(picture)
    }

    /// Decodes the frame at `position`, crops `box` with its margin, and scales it to fit
    /// `maxSide` in `pixelFormat`.
    private func croppedFrame(path: String, at position: FramePosition, box: PixelBox, marginFraction: Double,
                              maxSide: Int, enlarging: Bool = false,
                              pixelFormat: AVPixelFormat) throws(MediaProbeError) -> Frame {
        guard maxSide >= 1, marginFraction >= 0, marginFraction.isFinite else {
            throw MediaProbeError(.invalidArgument, path: path, action: "cannot make thumbnail",
                                  reason: "maxSide must be ≥ 1 and marginFraction ≥ 0")
        }
        let frame = try decodeFrame(path: path, at: position)
        guard let crop = CropRect(box: box, marginFraction: marginFraction,
                                  frameWidth: frame.width, frameHeight: frame.height) else {
            throw MediaProbeError(.boxOutsideFrame, path: path, action: "cannot make thumbnail",
                                  reason: "box \(box.x),\(box.y) \(box.width)x\(box.height) lies "
                                      + "outside the \(frame.width)x\(frame.height) frame")
        }
        try Self.apply(crop, to: frame, path: path)
        let size = crop.fittedSize(maxSide: maxSide, enlarging: enlarging)
        let scaler = try Scaler(source: frame, width: size.width, height: size.height, format: pixelFormat, path: path)
        return try scaler.scale(frame, path: path)
    }

    /// `thumbnail(path:at:.frameIndex(frameIndex), box:…)`.
    public func thumbnail(path: String, frameIndex: Int, box: PixelBox,
                          marginFraction: Double = 0.15,
                          maxSide: Int = 256) throws(MediaProbeError) -> [UInt8] {
        try thumbnail(path: path, at: .frameIndex(frameIndex), box: box,
                      marginFraction: marginFraction, maxSide: maxSide)
    }

    /// `thumbnail(path:at:.timeSeconds(timeSeconds), box:…)`.
    public func thumbnail(path: String, timeSeconds: Double, box: PixelBox,
                          marginFraction: Double = 0.15,
                          maxSide: Int = 256) throws(MediaProbeError) -> [UInt8] {
        try thumbnail(path: path, at: .timeSeconds(timeSeconds), box: box,
                      marginFraction: marginFraction, maxSide: maxSide)
    }

    /// The whole frame nearest `position` as 8-bit luma, at the stream's size (rotation not
    /// applied). Meant for checks (is a crop blank? did the picture change?), not for display.
    /// - Throws: as `thumbnail`, less the box errors.
    public func decodeFrameGray(path: String,
                                at position: FramePosition) throws(MediaProbeError) -> GrayImage {
        let frame = try decodeFrame(path: path, at: position)
        let scaler = try Scaler(source: frame, width: frame.width, height: frame.height,
                                format: AV_PIX_FMT_GRAY8, path: path)
        let gray = try scaler.scale(frame, path: path)
        let stride = Int(gray.pointer.pointee.linesize.0)
        guard let base = gray.pointer.pointee.data.0 else {
            preconditionFailure("av_frame_get_buffer returned a frame without data")
        }
        var pixels = [UInt8]()
        pixels.reserveCapacity(gray.width * gray.height)
        for row in 0..<gray.height {
            pixels.append(contentsOf: UnsafeBufferPointer(start: base + row * stride,
                                                          count: gray.width))
        }
        return GrayImage(width: gray.width, height: gray.height, pixels: pixels)
    }

    /// Opens `path` and decodes the frame nearest `position`.
    func decodeFrame(path: String, at position: FramePosition) throws(MediaProbeError) -> Frame {
        let format = try FormatContext(path: path)
        try Self.rejectTextFormats(format)
        let videoIndex = try format.bestVideoStreamIndex()
        let stream = format.stream(videoIndex).pointee
        let rate = FrameClock.chooseRate(average: Rational(stream.avg_frame_rate),
                                         real: Rational(stream.r_frame_rate))
        let (seconds, label): (Double, String) = switch position {
        case .frameIndex(let index): (Double(index) / rate.framesPerSecond, "frame \(index)")
        case .timeSeconds(let seconds): (seconds, "frame at \(seconds) s")
        }
        guard seconds.isFinite, seconds >= 0 else {
            throw MediaProbeError(.invalidArgument, path: path, action: "no \(label)",
                                  reason: "position must be ≥ 0")
        }
        let decoder = try FrameDecoder(format: format, videoIndex: videoIndex,
                                       framesPerSecond: rate.framesPerSecond)
        return try decoder.frame(nearest: decoder.ticks(seconds: seconds), label: label)
    }

    /// Narrows `frame`'s picture to `crop` in place (pointer offsets, no copy).
    static func apply(_ crop: CropRect, to frame: Frame, path: String) throws(MediaProbeError) {
        frame.pointer.pointee.crop_left = numericCast(crop.x)
        frame.pointer.pointee.crop_top = numericCast(crop.y)
        frame.pointer.pointee.crop_right = numericCast(frame.width - crop.x - crop.width)
        frame.pointer.pointee.crop_bottom = numericCast(frame.height - crop.y - crop.height)
        // Unaligned: exact pixel columns matter more than SIMD-friendly pointers here.
        let status = av_frame_apply_cropping(frame.pointer, Int32(AV_FRAME_CROP_UNALIGNED))
        guard status >= 0 else {
            throw MediaProbeError(.cannotScale, path: path, action: "cannot crop frame",
                                  status: status)
        }
    }
}
