// Plain values for frame access: where in the video, which box, and a decoded gray picture.

/// A position in the video stream.
public enum FramePosition: Sendable, Equatable, Hashable {
    /// 0-based frame number, converted to time with the probed frame rate
    /// (`VideoInfo.frameRate.chosen`), as segment boxes count frames.
    case frameIndex(Int)
    /// Seconds from the start of the video stream.
    case timeSeconds(Double)
}

/// A rectangle in frame pixels, top-left origin (the segment boxes' convention).
public struct PixelBox: Sendable, Codable, Equatable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// An 8-bit luma picture, rows top to bottom, no padding (`pixels.count == width * height`).
public struct GrayImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Pixel at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }
}

/// Integer crop rectangle, already clamped to the frame.
struct CropRect: Equatable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    /// `box` grown by `marginFraction` of its size on each side, rounded outwards, clamped to
    /// a `frameWidth`×`frameHeight` frame; nil when nothing of it lies inside the frame.
    init?(box: PixelBox, marginFraction: Double, frameWidth: Int, frameHeight: Int) {
        let marginX = box.width * marginFraction
        let marginY = box.height * marginFraction
        let left = max(0, Int((box.x - marginX).rounded(.down)))
        let top = max(0, Int((box.y - marginY).rounded(.down)))
        let right = min(frameWidth, Int((box.x + box.width + marginX).rounded(.up)))
        let bottom = min(frameHeight, Int((box.y + box.height + marginY).rounded(.up)))
        guard right > left, bottom > top else { return nil }
        self.x = left
        self.y = top
        self.width = right - left
        self.height = bottom - top
    }

    /// Size fitting inside `maxSide`×`maxSide` with the same aspect; never enlarged unless
    /// `enlarging` (upscaling adds no detail; only a picture for display, a sheet's cell, wants it).
    func fittedSize(maxSide: Int, enlarging: Bool = false) -> (width: Int, height: Int) {
        let fit = Double(maxSide) / Double(max(width, height))
        let scale = enlarging ? fit : min(1, fit)
        return (max(1, Int((Double(width) * scale).rounded())),
                max(1, Int((Double(height) * scale).rounded())))
    }
}
