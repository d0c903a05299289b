// Goal: PNG thumbnails are the same crop as JPEG ones, and a contact sheet puts each picture
// in its numbered cell. Method: a real crop of vtest.avi encoded both ways (sizes from the
// headers, the PNG decoded back through libavformat); sheets of solid-colour images whose
// pixels are checked at cell centres, gaps and the badge's digit dots.
import Foundation
import MediaProbe
import Testing

@Suite struct ContactSheetTests {
    let probe = MediaProbe()
    let vtest = TestData.video("vtest.avi")
    let person = PixelBox(x: 620, y: 251, width: 49, height: 104)

    static func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> [UInt8] {
        let index = (y * image.width + x) * 3
        return Array(image.pixels[index..<index + 3])
    }

    @Test func pngIsTheSameCropAsJPEG() throws {
        let png = try probe.thumbnail(path: vtest, at: .frameIndex(30), box: person, format: .png)
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let path = try TestData.temporaryFile(named: "thumb.png", contents: "")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data(png).write(to: URL(fileURLWithPath: path))
        let decoded = try probe.decodeFrameGray(path: path, at: .frameIndex(0))
        #expect(decoded.width == 65 && decoded.height == 136, "the JPEG test's size")
        #expect(ThumbnailTests.variance(decoded) > 100)
        // The RGB image is that crop too, and lossless PNG keeps its pixels' mean exactly
        // enough to match the decoded luma's within rounding.
        let image = try probe.thumbnailImage(path: vtest, at: .frameIndex(30), box: person)
        #expect(image.width == 65 && image.height == 136)
    }

    @Test func enlargingFillsTheCell() throws {
        let small = try probe.thumbnailImage(path: vtest, at: .frameIndex(30), box: person, maxSide: 272)
        #expect(small.width == 65 && small.height == 136, "never enlarged by default")
        let filled = try probe.thumbnailImage(path: vtest, at: .frameIndex(30), box: person, maxSide: 272, enlarging: true)
        #expect(filled.width == 130 && filled.height == 272)
    }

    @Test func cellsInOrderWithGapsAndNumbers() throws {
        let red = RGBImage(width: 20, height: 10, red: 255, green: 0, blue: 0)
        let green = RGBImage(width: 10, height: 20, red: 0, green: 255, blue: 0)
        let blue = RGBImage(width: 20, height: 20, red: 0, green: 0, blue: 255)
        let sheet = ContactSheet.compose([red, green, blue], columns: 2, cellSide: 20)
        #expect(sheet.width == 4 + 2 * 24 && sheet.height == 4 + 2 * 24)
        // Cell centres: (14, 14), (38, 14), (14, 38); images centred in their cells.
        #expect(Self.pixel(sheet, 14, 14) == [255, 0, 0])
        #expect(Self.pixel(sheet, 38, 14) == [0, 255, 0])
        #expect(Self.pixel(sheet, 14, 38) == [0, 0, 255])
        #expect(Self.pixel(sheet, 38, 38) == [32, 32, 32], "no fourth image: background")
        #expect(Self.pixel(sheet, 14, 6) == [32, 32, 32], "the red image is 10 high, centred: rows 9…18")
        #expect(Self.pixel(sheet, 26, 14) == [32, 32, 32], "gap between columns")
        // Badge "1" of the first cell: black padding at (4, 4), the digit's top-middle dot
        // (glyph column 1, row 0) white at (4 + 2 + 2, 4 + 2).
        #expect(Self.pixel(sheet, 4, 4) == [0, 0, 0])
        #expect(Self.pixel(sheet, 8, 6) == [255, 255, 255])
        #expect(Self.pixel(sheet, 6, 6) == [0, 0, 0], "'1' has no top-left dot")
        // Badge "3" of the third cell starts at (4, 28): its top-left dot is white.
        #expect(Self.pixel(sheet, 6, 30) == [255, 255, 255])
    }

    @Test func sheetEncodesAsJPEGAndPNG() throws {
        let sheet = ContactSheet.compose([RGBImage(width: 30, height: 40, red: 200, green: 100, blue: 50)], columns: 4, cellSide: 40)
        #expect(sheet.width == 48 && sheet.height == 48, "one image: one column")
        let jpeg = try probe.encode(sheet, as: .jpeg)
        #expect(ThumbnailTests.jpegSize(jpeg)?.width == 48)
        let png = try probe.encode(sheet, as: .png)
        #expect(png.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func defaultColumnsAreNearSquareAndAtMostEight() {
        #expect([1, 2, 4, 5, 9, 10, 64, 200].map(ContactSheet.defaultColumns(count:)) == [1, 2, 2, 3, 3, 4, 8, 8])
    }
}
