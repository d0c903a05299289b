// Pictures as plain values: the file formats MediaProbe writes and an RGB image that can be
// composed (contact sheets) before it is encoded.

/// The file format of an encoded picture.
public enum PictureFormat: String, Sendable, CaseIterable {
    /// Baseline JPEG, full-range 4:2:0 (small; the default for thumbnails).
    case jpeg
    /// PNG, 8-bit RGB (lossless; larger).
    case png

    /// The format a file name asks for by its extension (`.jpg`, `.jpeg`, `.png`, any case);
    /// nil for any other extension.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        default: return nil
        }
    }

    /// The extension files of this format get when MediaProbe's callers name them.
    public var fileExtension: String { self == .jpeg ? "jpg" : "png" }
}

/// An 8-bit RGB picture: rows top to bottom, 3 bytes a pixel, no padding
/// (`pixels.count == width * height * 3`).
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 1 && height >= 1, "an image has at least one pixel")
        precondition(pixels.count == width * height * 3, "pixel count must be width × height × 3")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width`×`height` image of one colour.
    public init(width: Int, height: Int, red: UInt8, green: UInt8, blue: UInt8) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            pixels[index] = red
            pixels[index + 1] = green
            pixels[index + 2] = blue
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Copies `image` with its top-left corner at (`x`, `y`); what falls outside is dropped.
    public mutating func draw(_ image: RGBImage, x: Int, y: Int) {
        let left = max(0, x), right = min(width, x + image.width)
        guard right > left else { return }
        for row in max(0, y)..<min(height, y + image.height) {
            let target = (row * width + left) * 3
            let source = ((row - y) * image.width + (left - x)) * 3
            pixels.replaceSubrange(target..<target + (right - left) * 3,
                                   with: image.pixels[source..<source + (right - left) * 3])
        }
    }

    /// Fills the rectangle (clipped to the image) with one colour.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, red: UInt8, green: UInt8, blue: UInt8) {
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
                let index = (row * width + column) * 3
                pixels[index] = red
                pixels[index + 1] = green
                pixels[index + 2] = blue
            }
        }
    }
}
