// Goal: every error message the CVAT, COCO-VID and Ultralytics importers produce for bad
// input is exactly the text users see (file, line or path, reason) and stays stable.
// Method: each Fixtures/<format>/errors/NAME.* is imported with that format forced and a
// frame rate given, and the `ImportError` text is compared with NAME.expected.txt. Adding a
// case is adding two files. (MOT's golden errors are in MOTImporterTests.)
import Foundation
import Importers
import SegGraphModel
import Testing

@Suite struct ForeignGoldenErrorTests {
    static let formats: [(folder: String, format: InputFormat)] = [("cvat", .cvat), ("coco-vid", .cocoVid), ("ultralytics", .ultralytics)]

    static var cases: [String] {
        formats.flatMap { folder, _ in
            let directory = ForeignFixtures.directory(folder).appendingPathComponent("errors")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasSuffix(".expected.txt") }.sorted().map { folder + "/" + $0 }
        }
    }

    @Test func everyFormatHasErrorFixtures() {
        for (folder, _) in Self.formats {
            #expect(Self.cases.filter { $0.hasPrefix(folder + "/") }.count >= 5, "\(folder)")
        }
    }

    @Test(arguments: cases)
    func errorMessage(_ relative: String) throws {
        let folder = String(relative.split(separator: "/")[0])
        let name = String(relative.split(separator: "/")[1])
        let format = try #require(Self.formats.first { $0.folder == folder }?.format)
        let directory = ForeignFixtures.directory(folder).appendingPathComponent("errors")
        let stem = (name as NSString).deletingPathExtension
        let options = ImportOptions(format: format, defaultSourceName: stem, framesPerSecond: 25)
        let actual = importErrorText(directory.appendingPathComponent(name), options: options) + "\n"
        #expect(try GoldenDump.matches(actual, golden: directory.appendingPathComponent(stem + ".expected.txt")))
    }
}
