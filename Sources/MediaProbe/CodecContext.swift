// The one owner of an AVCodecContext, used both as the video decoder and as the picture (MJPEG, PNG) encoder;
// freed in deinit so every exit path of a decode or encode releases it.
import CFFmpeg

final class CodecContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>
    let path: String

    private init(codec: UnsafePointer<AVCodec>, path: String) {
        guard let context = avcodec_alloc_context3(codec) else {
            fatalError("avcodec_alloc_context3: out of memory")
        }
        self.pointer = context
        self.path = path
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
    }

    /// An opened decoder for `stream`'s codec.
    /// - Throws: `.noDecoder` when this FFmpeg build cannot decode it, `.cannotDecode` when
    ///   the decoder refuses the stream's parameters.
    static func decoder(for stream: UnsafeMutablePointer<AVStream>,
                        path: String) throws(MediaProbeError) -> CodecContext {
        let parameters = stream.pointee.codecpar!
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaProbeError(.noDecoder, path: path, action: "cannot decode",
                                  reason: "no decoder for \(string(avcodec_get_name(parameters.pointee.codec_id)))")
        }
        let context = CodecContext(codec: codec, path: path)
        var status = avcodec_parameters_to_context(context.pointer, parameters)
        if status >= 0 {
            context.pointer.pointee.pkt_timebase = stream.pointee.time_base
            status = avcodec_open2(context.pointer, codec, nil)
        }
        guard status >= 0 else {
            throw MediaProbeError(.cannotDecode, path: path, action: "cannot open decoder",
                                  status: status)
        }
        return context
    }

    /// The pixel format each picture format's encoder takes.
    static func pixelFormat(for format: PictureFormat) -> AVPixelFormat {
        format == .jpeg ? AV_PIX_FMT_YUVJ420P : AV_PIX_FMT_RGB24
    }

    /// An opened encoder for single pictures of the given size in `format`: baseline JPEG of
    /// full-range 4:2:0, or PNG of 8-bit RGB.
    /// - Parameter quality: JPEG quantiser scale, 2 (best) … 31; 3 keeps faces legible.
    static func pictureEncoder(_ format: PictureFormat, width: Int, height: Int, quality: Int32 = 3,
                               path: String) throws(MediaProbeError) -> CodecContext {
        let (codecID, name) = format == .jpeg ? (AV_CODEC_ID_MJPEG, "MJPEG") : (AV_CODEC_ID_PNG, "PNG")
        guard let codec = avcodec_find_encoder(codecID) else {
            throw MediaProbeError(.cannotEncode, path: path, action: "cannot encode picture",
                                  reason: "this FFmpeg has no \(name) encoder")
        }
        let context = CodecContext(codec: codec, path: path)
        context.pointer.pointee.width = Int32(width)
        context.pointer.pointee.height = Int32(height)
        context.pointer.pointee.pix_fmt = pixelFormat(for: format)
        context.pointer.pointee.time_base = AVRational(num: 1, den: 25)
        if format == .jpeg {
            context.pointer.pointee.flags |= Int32(AV_CODEC_FLAG_QSCALE)
            context.pointer.pointee.global_quality = quality * Int32(FF_QP2LAMBDA)
        }
        let status = avcodec_open2(context.pointer, codec, nil)
        guard status >= 0 else {
            throw MediaProbeError(.cannotEncode, path: path, action: "cannot open \(name) encoder",
                                  status: status)
        }
        return context
    }

    /// Encodes one picture and returns the whole file (JPEG or PNG).
    func encodeSingleFrame(_ frame: Frame) throws(MediaProbeError) -> [UInt8] {
        frame.pointer.pointee.quality = pointer.pointee.global_quality
        frame.pointer.pointee.pts = 0
        var status = avcodec_send_frame(pointer, frame.pointer)
        if status >= 0 { status = avcodec_send_frame(pointer, nil) }  // flush: one picture only
        let packet = Packet()
        if status >= 0 { status = avcodec_receive_packet(pointer, packet.pointer) }
        guard status >= 0, let data = packet.pointer.pointee.data else {
            throw MediaProbeError(.cannotEncode, path: path, action: "cannot encode thumbnail",
                                  status: status)
        }
        return Array(UnsafeBufferPointer(start: data, count: Int(packet.pointer.pointee.size)))
    }
}
