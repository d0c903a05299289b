// Goal: unusual but valid parameters still give valid documents: one camera, nobody walking,
// fractional and low frame rates, wide camera counts (zero-padded names). Method: write each
// tiny site, decode it, and check the frame/time rule and naming.
import Foundation
import SiteSimulator
import Testing

@Suite struct EdgeCaseTests {
    @Test(arguments: [(1, 0, 5.0), (1, 5, 7.5), (3, 8, 1.0), (12, 10, 0.5)])
    func smallSitesAreValid(cameras: Int, people: Int, fps: Double) throws {
        var p = SimulationParameters(cameras: cameras, people: people, hours: 0.1, framesPerSecond: fps,
                                     embeddingDimension: 8, seed: 3)
        p.clockSpreadSeconds = 20
        var fractions: [Double] = []
        let directory = SimulatedSite.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try SiteSimulator(p).write(to: directory.path) { fractions.append($0) }
        #expect(summary.filesWritten.count == cameras + 1)
        #expect(fractions.count == cameras && fractions.last == 1.0)
        for path in summary.filesWritten.dropLast() {
            let document = try JSONDecoder().decode(DocumentFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(document.source.id.count == 6)  // "cam_" + two digits for up to 99 cameras
            #expect(document.source.fps == fps)
            for s in document.segments {
                #expect(!s.bounding_boxes.isEmpty)
                for box in s.bounding_boxes {
                    let t = Double(box.frame) / fps
                    #expect(t >= s.start_time_sec - 1e-6 && t <= s.end_time_sec + 1e-6)
                }
            }
        }
    }

    @Test func hundredCamerasGetThreeDigits() throws {
        let p = SimulationParameters(cameras: 100, people: 0, hours: 0.01, framesPerSecond: 5,
                                     embeddingDimension: 4, seed: 1)
        let directory = SimulatedSite.freshDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = try SiteSimulator(p).write(to: directory.path)
        #expect(URL(fileURLWithPath: summary.filesWritten[0]).lastPathComponent == "cam_000.json")
        #expect(URL(fileURLWithPath: summary.filesWritten[99]).lastPathComponent == "cam_099.json")
    }
}
