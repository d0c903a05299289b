// Owners of AVPacket and AVFrame: allocated in init, freed in deinit, so a throw in the middle
// of a read or decode loop leaks nothing.
import CFFmpeg

final class Packet {
    let pointer: UnsafeMutablePointer<AVPacket>

    init() {
        guard let packet = av_packet_alloc() else { fatalError("av_packet_alloc: out of memory") }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }
}

final class Frame {
    let pointer: UnsafeMutablePointer<AVFrame>

    init() {
        guard let frame = av_frame_alloc() else { fatalError("av_frame_alloc: out of memory") }
        pointer = frame
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }

    var width: Int { Int(pointer.pointee.width) }
    var height: Int { Int(pointer.pointee.height) }
}

extension Frame {
    /// A new RGB24 frame holding `image`'s pixels.
    convenience init(rgb24 image: RGBImage) {
        self.init()
        pointer.pointee.width = Int32(image.width)
        pointer.pointee.height = Int32(image.height)
        pointer.pointee.format = AV_PIX_FMT_RGB24.rawValue
        guard av_frame_get_buffer(pointer, 0) >= 0, let base = pointer.pointee.data.0 else {
            fatalError("av_frame_get_buffer: out of memory")
        }
        let stride = Int(pointer.pointee.linesize.0)
        image.pixels.withUnsafeBufferPointer { source in
            for row in 0..<image.height {
                (base + row * stride).update(from: source.baseAddress! + row * image.width * 3, count: image.width * 3)
            }
        }
    }
}

extension RGBImage {
    /// The pixels of an RGB24 frame, without the rows' padding.
    init(rgb24 frame: Frame) {
        guard let base = frame.pointer.pointee.data.0 else {
            preconditionFailure("av_frame_get_buffer returned a frame without data")
        }
        let stride = Int(frame.pointer.pointee.linesize.0)
        var pixels = [UInt8]()
        pixels.reserveCapacity(frame.width * frame.height * 3)
        for row in 0..<frame.height {
            pixels.append(contentsOf: UnsafeBufferPointer(start: base + row * stride, count: frame.width * 3))
        }
        self.init(width: frame.width, height: frame.height, pixels: pixels)
    }
}
