// Goal: `decodeFrameGray` returns exactly the frame asked for, whatever keyframe the seek lands
// on, and `.frameIndex` / `.timeSeconds` agree.
// Method: compare the sum of all luma values with goldens taken from the ffmpeg CLI
// (`ffmpeg -i V -map 0:v:0 -vf select=eq(n\,N) -pix_fmt gray -f rawvideo`, summed): the same
// libavcodec decodes both, so the sums match exactly. vtest.avi has keyframes at 0, 250,
// 500, 750, so 249/251 exercise decoding forward from a keyframe and landing on one.
import MediaProbe
import Testing

@Suite struct FrameDecodeTests {
    let probe = MediaProbe()

    static func lumaSum(_ image: GrayImage) -> Int { image.pixels.reduce(0) { $0 + Int($1) } }

    @Test(arguments: [
        ("vtest.avi", 0, 53_587_911), ("vtest.avi", 30, 53_279_573),
        ("vtest.avi", 31, 53_336_341), ("vtest.avi", 249, 52_953_369),
        ("vtest.avi", 250, 52_904_734), ("vtest.avi", 251, 52_946_104),
        ("vtest.avi", 500, 53_053_626), ("vtest.avi", 794, 52_877_914),
        ("carphone_distorted.mp4", 119, 2_645_968),
    ])
    func frameMatchesFFmpeg(name: String, frameIndex: Int, sum: Int) throws {
        let image = try probe.decodeFrameGray(path: TestData.video(name),
                                              at: .frameIndex(frameIndex))
        #expect(Self.lumaSum(image) == sum)
    }

    @Test func vtestFrameSizeAndTimeAgree() throws {
        let byIndex = try probe.decodeFrameGray(path: TestData.video("vtest.avi"),
                                                at: .frameIndex(30))
        let byTime = try probe.decodeFrameGray(path: TestData.video("vtest.avi"),
                                               at: .timeSeconds(3.0))
        #expect(byIndex.width == 768 && byIndex.height == 576)
        #expect(byIndex == byTime)
    }

    @Test func boxMP4UsesVideoStreamNotAudio() throws {
        // box.mp4's B-frames carry broken timestamps (pts = dts); FFmpeg's best-effort
        // timestamps put decoded frame 198 at 6.675 s, the frame ffmpeg's select=n=198 gives.
        let image = try probe.decodeFrameGray(path: TestData.video("box.mp4"),
                                              at: .timeSeconds(6.675))
        #expect(image.width == 640 && image.height == 480)
        #expect(Self.lumaSum(image) == 41_090_796)
    }

    @Test func pastTheEnd() {
        let path = TestData.video("vtest.avi")
        let error = #expect(throws: MediaProbeError.self) {
            try probe.decodeFrameGray(path: path, at: .frameIndex(900))
        }
        #expect(error?.code == .frameNotFound)
        #expect(error?.description == "\(path): no frame 900: past the end of the video stream")
    }

    @Test func negativePosition() {
        let error = #expect(throws: MediaProbeError.self) {
            try probe.decodeFrameGray(path: TestData.video("vtest.avi"), at: .timeSeconds(-1))
        }
        #expect(error?.code == .invalidArgument)
    }
}
