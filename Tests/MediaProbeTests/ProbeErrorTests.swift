// Goal: files that are not videos fail with one readable line naming the file and FFmpeg's
// reason, never a crash and never FFmpeg noise on stderr.
// Method: probe a missing path, a text file and a JSON file; assert code and exact text.
import Foundation
import MediaProbe
import Testing

@Suite struct ProbeErrorTests {
    let probe = MediaProbe()

    @Test func missingFile() {
        let path = "no-such-dir/video.mp4"
        #expect(throws: MediaProbeError(.cannotOpen, path: path, action: "cannot open",
                                        reason: "No such file or directory")) {
            try probe.probe(path: path)
        }
        let error = #expect(throws: MediaProbeError.self) { try probe.probe(path: path) }
        #expect(error?.description == "no-such-dir/video.mp4: cannot open: No such file or directory")
    }

    @Test func textFile() throws {
        let path = try TestData.temporaryFile(named: "notes.txt", contents: "hello\nworld\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let error = #expect(throws: MediaProbeError.self) { try probe.probe(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description == "\(path): cannot open: Invalid data found when processing input")
    }

    @Test func jsonFileIsNotAVideo() throws {
        let path = TestData.root.appendingPathComponent("segments/tud-campus_gt.json").path
        let error = #expect(throws: MediaProbeError.self) { try probe.probe(path: path) }
        // libavformat either refuses the bytes or finds no video stream in them.
        let accepted: Set<String> = [
            "\(path): cannot open: Invalid data found when processing input",
            "\(path): has no video stream",
        ]
        #expect(error.map { accepted.contains($0.description) } == true)
    }
}
