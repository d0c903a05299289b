// Goal: the cases the three real videos do not cover — a display-matrix rotation and a
// container without a frame count (which must fall back to counting packets).
// Method: two tiny clips made once with ffmpeg 5.1 from its `testsrc` pattern (64x48, 10 fps,
// mpeg4) and committed in Fixtures/, so tests need no ffmpeg:
//   rotated-matrix-ccw90.mp4: `-c copy -metadata:s:v:0 rotate=90` (ffmpeg 5.1's mov muxer
//     stores a matrix that rotates 90° counter-clockwise; ffmpeg itself auto-rotates it so);
//   no-frame-count.mkv: Matroska records no nb_frames; 1 s → 10 frames.
import Foundation
import MediaProbe
import Testing

@Suite struct FixtureVideosTests {
    let probe = MediaProbe()

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    @Test func displayMatrixRotation() throws {
        let info = try probe.probe(path: Self.fixture("rotated-matrix-ccw90.mp4"))
        #expect(info.rotationDegrees == 270)  // clockwise; = 90° counter-clockwise
        #expect(info.width == 64 && info.height == 48)  // coded size, not rotated
    }

    @Test func missingFrameCountIsCounted() throws {
        let info = try probe.probe(path: Self.fixture("no-frame-count.mkv"))
        #expect(info.container == "matroska,webm")
        #expect(info.frameCount == FrameCountInfo(frames: 10, method: .packetCount,
                                                  headerFrames: nil,
                                                  reason: "header has no frame count"))
    }
}
