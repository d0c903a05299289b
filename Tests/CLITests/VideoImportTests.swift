// Goal: `import --video` and a document's `video` fill the source from the probed video
// (fps, size, creation_time clock) unless the file or --start says otherwise, count segments
// and boxes that do not fit the video as warnings, and `thumbnail` cuts the right box out
// of the right frame. Method: the real vtest.avi (10 fps, 768x576, 79.5 s, no creation_time)
// with its MOG2 tracker output, box.mp4 (creation_time 2014-06-09T15:54:39Z) with small
// written documents; the JPEG's size is read from its SOF0 marker and its entropy-coded
// data must be large enough that the picture cannot be flat.
import Foundation
import Testing
import TestSupport

@Suite struct VideoImportTests {
    static let videos = TestPaths.sharedData + "/videos/"

    static func source(_ store: String) throws -> [String: Any] {
        let result = try Command.seggraph(["sources", "--store", store, "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        return try #require(list?.first)
    }

    /// (width, height) from a baseline JPEG's SOF0 segment, and the bytes after SOS.
    static func jpegFacts(_ bytes: [UInt8]) -> (width: Int, height: Int, scanBytes: Int)? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        var size: (Int, Int)?
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if marker == 0xC0, index + 9 <= bytes.count {
                size = (Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]), Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]))
            }
            if marker == 0xDA, let size { return (size.0, size.1, bytes.count - index - 2 - length) }
            index += 2 + length
        }
        return nil
    }

    @Test func vtestWithVideoAndThumbnails() throws {
        let directory = TemporaryDirectory("video-vtest")
        let store = directory.file("store")
        let imported = try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"),
                                             "--source", "vtest", "--video", Self.videos + "vtest.avi", "--json"])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stdout.contains("past_video_end") && !imported.stdout.contains("box_outside_frame"))
        let source = try Self.source(store)
        #expect(source["fps"] as? Double == 10)
        #expect(source["size"] as? String == "768x576")
        #expect(source["clock"] as? String == "relative")

        // Middle of 3.0–15.9 s is 9.45 s: the box of frame 94 (471,153 29x75) grown by 15 %.
        let output = directory.file("t.jpg")
        let made = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "-o", output, "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("\"frame\":94,\"offset_s\":null,\"box\":{\"x\":471,\"y\":153,\"w\":29,\"h\":75}"), "\(made.stdout)")
        let jpeg = try #require(Self.jpegFacts(Array(try Data(contentsOf: URL(fileURLWithPath: output)))))
        #expect(jpeg.width == 39 && jpeg.height == 99)
        #expect(jpeg.scanBytes > 400, "a flat picture compresses to far fewer bytes")

        let small = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "-o", output,
                                          "--frame", "40", "--max-side", "64"])
        #expect(small.status == 0, "\(small.stderr)")
        let scaled = try #require(Self.jpegFacts(Array(try Data(contentsOf: URL(fileURLWithPath: output)))))
        #expect(max(scaled.width, scaled.height) == 64)

        // Many segments into a folder that does not exist yet: one JPEG each, named by segment.
        let folder = directory.file("pictures/today")
        let many = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "vtest/vtest-mog2-0003", "-o", folder])
        #expect(many.status == 0, "\(many.stderr)")
        for name in ["vtest_vtest-mog2-0001.jpg", "vtest_vtest-mog2-0003.jpg"] {
            #expect(Self.jpegFacts(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))) != nil, "\(name)")
        }
        #expect(many.stdout.split(separator: "\n").count == 4)  // header, rule, two rows
        // The file name's extension decides the format: .png gets PNG (it used to get JPEG bytes).
        let pngFile = directory.file("t.png")
        let png = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "-o", pngFile])
        #expect(png.status == 0, "\(png.stderr)")
        let pngBytes = Array(try Data(contentsOf: URL(fileURLWithPath: pngFile)))
        #expect(Self.pngSize(pngBytes)?.width == 39 && Self.pngSize(pngBytes)?.height == 99, "same crop as the JPEG")
        // Any other extension is refused and nothing is written.
        let gif = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "-o", directory.file("t.gif")])
        #expect(gif.status == 2)
        #expect(gif.stderr.hasPrefix("Error: -o \(directory.file("t.gif")): the file name must end in .jpg, .jpeg or .png, not .gif"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("t.gif")))

        // A contact sheet: 3 segments in a row of 64-px cells (4 px gaps), numbered in order.
        let sheetFile = directory.file("sheets/three.png")
        let sheet = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0003", "vtest/vtest-mog2-0001",
                                          "vtest/vtest-mog2-0002", "--sheet", sheetFile, "--max-side", "64", "--columns", "3", "--json"])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(sheet.stdout.utf8)) as? [[String: Any]])
        #expect(cells.map { $0["cell"] as? Int } == [1, 2, 3])
        #expect(cells.map { $0["segment"] as? String } == ["vtest/vtest-mog2-0003", "vtest/vtest-mog2-0001", "vtest/vtest-mog2-0002"])
        let sheetSize = try #require(Self.pngSize(Array(try Data(contentsOf: URL(fileURLWithPath: sheetFile)))))
        #expect(sheetSize.width == 4 + 3 * (64 + 4) && sheetSize.height == 4 + 64 + 4)
        #expect(sheet.stderr.contains("sheet \(sheetFile): 208x72"), "\(sheet.stderr)")

        // find draws its rows: a folder of JPEGs and a sheet, the answer itself unchanged on stdout.
        let found = try Command.seggraph(["find", "--store", store, "--label", "person", "--limit", "5", "--thumbnails",
                                          directory.file("found"), "--sheet", directory.file("found.jpg"), "--json"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect((try JSONSerialization.jsonObject(with: Data(found.stdout.utf8)) as? [Any])?.count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("found")).count == 5)
        #expect(Self.jpegFacts(Array(try Data(contentsOf: URL(fileURLWithPath: directory.file("found.jpg"))))) != nil)
        #expect(found.stderr.contains("5 pictures in \(directory.file("found"))"), "\(found.stderr)")
    }

    /// (width, height) from a PNG's IHDR, or nil when the bytes are not a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test func documentVideoCreationTimeAndWarnings() throws {
        let directory = TemporaryDirectory("video-box")
        try FileManager.default.createSymbolicLink(atPath: directory.file("clip.mp4"), withDestinationPath: Self.videos + "box.mp4")
        // 15.18 s, 640x480: the second segment ends late, one box pokes out of the frame.
        let document = directory.write("doc.json", """
            {"source": {"id": "box", "video": "clip.mp4"}, "segments": [
              {"segment_id": "a", "label": "box", "start_time_sec": 1, "end_time_sec": 2,
               "bounding_boxes": [{"frame": 30, "x": 10, "y": 10, "w": 100, "h": 100}]},
              {"segment_id": "b", "label": "box", "start_time_sec": 14, "end_time_sec": 20,
               "bounding_boxes": [{"frame": 420, "x": 600, "y": 10, "w": 100, "h": 100}]}]}
            """)
        let store = directory.file("store")
        // From another working directory: the video is found next to the document.
        let imported = try Command.seggraph(["import", "--store", store, document], directory: "/")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("box_outside_frame=1 past_video_end=1"), "\(imported.stdout)")
        let source = try Self.source(store)
        #expect(source["size"] as? String == "640x480")
        #expect(source["clock"] as? String == "wall")
        #expect(source["first"] as? String == "2014-06-09T15:54:40Z", "creation_time 15:54:39Z + 1 s: \(source)")
        let stats = try Command.seggraph(["segments", "--store", store, "--json"]).stdout
        #expect(stats.contains("\"start_ns\":1402329280000000000"), "t = 1 s after 2014-06-09T15:54:39Z")

        // --start wins over creation_time.
        let other = directory.file("store2")
        let started = try Command.seggraph(["import", "--store", other, document, "--start", "2026-11-20T14:00:00+01:00",
                                            "--json"], directory: "/")
        #expect(started.status == 0, "\(started.stderr)")
        let segments = try Command.seggraph(["segments", "--store", other, "--json"]).stdout
        #expect(segments.contains("\"start_ns\":1795179601000000000"))
    }

    @Test func errorsNameTheFileOrSource() throws {
        let directory = TemporaryDirectory("video-errors")
        let store = directory.file("store")
        let missing = try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"),
                                            "--video", directory.file("nope.avi")])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("seggraph: \(directory.file("nope.avi")): cannot open"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store), "nothing is created when the video is unreadable")
        try #require(try Command.seggraph(["import", "--store", store, TestPaths.segments("vtest_mog2.json"),
                                           "--source", "vtest"]).status == 0)
        let noVideo = try Command.seggraph(["thumbnail", "--store", store, "vtest/vtest-mog2-0001", "-o", directory.file("t.jpg")])
        #expect(noVideo.status == 4)
        #expect(noVideo.stderr == "seggraph: source vtest has no video (import it with a video file)\n")
        let noSegment = try Command.seggraph(["thumbnail", "--store", store, "vtest/nope", "-o", directory.file("t.jpg")])
        #expect(noSegment.status == 4)
    }
}
