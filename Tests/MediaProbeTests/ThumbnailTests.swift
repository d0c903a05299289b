// Goal: `thumbnail` returns a valid, correctly sized, non-blank JPEG of a real segment's box.
// Method: the first segment of shared/data/segments/vtest_mog2.json (a person at frame 30,
// box 620,251 49x104) on vtest.avi: check the JPEG markers, read the size from the SOF0
// header, then decode the JPEG itself with `decodeFrameGray` (libavformat reads .jpg files)
// and require real picture content (luma variance), as a blank or green crop has none.
import Foundation
import MediaProbe
import Testing

@Suite struct ThumbnailTests {
    let probe = MediaProbe()
    let vtest = TestData.video("vtest.avi")
    let person = PixelBox(x: 620, y: 251, width: 49, height: 104)

    /// (width, height) from the first SOF0/1/2 segment, or nil.
    static func jpegSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var offset = 2
        while offset + 9 < bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            if (0xC0...0xC2).contains(marker) {
                return (Int(bytes[offset + 7]) << 8 | Int(bytes[offset + 8]),
                        Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]))
            }
            offset += 2 + (Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
        }
        return nil
    }

    static func variance(_ image: GrayImage) -> Double {
        let values = image.pixels.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    }

    @Test func personAtFrame30() throws {
        let jpeg = try probe.thumbnail(path: vtest, frameIndex: 30, box: person)
        #expect(jpeg.prefix(2) == [0xFF, 0xD8])
        #expect(jpeg.suffix(2) == [0xFF, 0xD9])
        // Margin 15 %: x 612.65…676.35 → 612..<677, y 235.4…370.6 → 235..<371; under 256.
        let size = try #require(Self.jpegSize(jpeg))
        #expect(size.width == 65 && size.height == 136)
        let decoded = try Self.decodeJPEG(jpeg)
        #expect(decoded.width == 65 && decoded.height == 136)
        #expect(Self.variance(decoded) > 100)
    }

    @Test func sourceCropHasContent() throws {
        let frame = try probe.decodeFrameGray(path: vtest, at: .frameIndex(30))
        let pixels = (251..<355).flatMap { y in (620..<669).map { x in frame[x, y] } }
        #expect(Self.variance(GrayImage(width: 49, height: 104, pixels: pixels)) > 100)
    }

    @Test func scaledToMaxSideKeepingAspect() throws {
        let jpeg = try probe.thumbnail(path: vtest, timeSeconds: 3.0, box: person, maxSide: 64)
        let size = try #require(Self.jpegSize(jpeg))
        #expect(size.width == 31 && size.height == 64)  // 65x136 × 64/136
    }

    @Test func boxClampedToFrame() throws {
        let corner = PixelBox(x: 740, y: 550, width: 100, height: 100)
        let jpeg = try probe.thumbnail(path: vtest, frameIndex: 100, box: corner,
                                       marginFraction: 0)
        let size = try #require(Self.jpegSize(jpeg))
        #expect(size.width == 28 && size.height == 26)
    }

    @Test func boxMP4Thumbnail() throws {
        let box = PixelBox(x: 200, y: 120, width: 240, height: 240)
        let jpeg = try probe.thumbnail(path: TestData.video("box.mp4"), frameIndex: 200, box: box)
        let size = try #require(Self.jpegSize(jpeg))
        #expect(size.width == 256 && size.height == 256)  // 312x312 with margin, shrunk
        #expect(Self.variance(try Self.decodeJPEG(jpeg)) > 100)
    }

    @Test func boxOutsideFrame() {
        let error = #expect(throws: MediaProbeError.self) {
            try probe.thumbnail(path: vtest, frameIndex: 30,
                                box: PixelBox(x: 900, y: 10, width: 20, height: 20))
        }
        #expect(error?.code == .boxOutsideFrame)
        #expect(error?.description == "\(vtest): cannot make thumbnail: box 900.0,10.0 20.0x20.0 "
                    + "lies outside the 768x576 frame")
    }

    /// Decodes JPEG bytes through a scratch file, since `decodeFrameGray` reads files.
    static func decodeJPEG(_ jpeg: [UInt8]) throws -> GrayImage {
        let path = try TestData.temporaryFile(named: "thumb.jpg", contents: "")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data(jpeg).write(to: URL(fileURLWithPath: path))
        return try MediaProbe().decodeFrameGray(path: path, at: .frameIndex(0))
    }
}
