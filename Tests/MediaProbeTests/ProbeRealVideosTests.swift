// Goal: `probe` reports the known facts of the three real videos in shared/data/videos
// (verified independently with ffprobe; see shared/data/README.md).
// Method: probe each file and compare every field; box.mp4 checks the best video stream is
// found although audio is stream 0, and that the wall-clock start comes from creation_time.
import MediaProbe
import Testing

@Suite struct ProbeRealVideosTests {
    let probe = MediaProbe()

    @Test func vtestAVI() throws {
        let info = try probe.probe(path: TestData.video("vtest.avi"))
        #expect(info.container == "avi")
        #expect(info.videoCodec == "msmpeg4v3")
        #expect(info.width == 768 && info.height == 576)
        #expect(info.videoStreamIndex == 0)
        #expect(info.streams == [StreamInfo(index: 0, kind: .video, codec: "msmpeg4v3")])
        #expect(info.frameRate.chosen == Rational(numerator: 10, denominator: 1))
        #expect(info.frameRate.source == .average)
        #expect(info.frameCount.frames == 795 && info.frameCount.method == .header)
        #expect(abs((info.durationSeconds ?? 0) - 79.5) < 0.001)
        #expect(info.rotationDegrees == 0)
        #expect(info.creationTime == nil)
    }

    @Test func boxMP4HasAudioFirst() throws {
        let info = try probe.probe(path: TestData.video("box.mp4"))
        #expect(info.container == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(info.streams.map(\.kind) == [.audio, .video])
        #expect(info.streams.map(\.codec) == ["mp3", "h264"])
        #expect(info.videoStreamIndex == 1)
        #expect(info.videoCodec == "h264")
        #expect(info.width == 640 && info.height == 480)
        #expect(info.frameRate.real == Rational(numerator: 30000, denominator: 1001))
        #expect(info.frameRate.average == Rational(numerator: 456000, denominator: 15217))
        #expect(info.frameRate.source == .average)
        #expect(info.frameCount == FrameCountInfo(
            frames: 456, method: .header, headerFrames: 456,
            reason: "header frame count agrees with duration × fps"))
        #expect(abs((info.durationSeconds ?? 0) - 15.184) < 0.001)
        #expect(info.creationTime?.iso8601 == "2014-06-09T15:54:39Z")
        #expect(info.creationTime?.utcNanoseconds == 1_402_329_279_000_000_000)
    }

    @Test func boxMP4ExactCountsOnlyVideoPackets() throws {
        // 579 audio packets are interleaved; counting them too would give 1035.
        let info = try probe.probe(path: TestData.video("box.mp4"), exact: true)
        #expect(info.frameCount.frames == 456)
        #expect(info.frameCount.method == .packetCount)
        #expect(info.frameCount.headerFrames == 456)
        #expect(info.frameCount.reason == "exact count requested")
    }

    @Test func carphoneMP4() throws {
        let info = try probe.probe(path: TestData.video("carphone_distorted.mp4"))
        #expect(info.videoCodec == "h264")
        #expect(info.width == 176 && info.height == 144)
        #expect(info.frameRate.chosen == Rational(numerator: 30000, denominator: 1001))
        #expect(info.frameRate.reason == "average and real rates agree")
        #expect(info.frameCount.frames == 120 && info.frameCount.method == .header)
        #expect(abs((info.durationSeconds ?? 0) - 4.004) < 0.001)
        #expect(info.creationTime == nil)
    }

    @Test(arguments: ["vtest.avi", "box.mp4", "carphone_distorted.mp4"])
    func exactCountAgreesWithHeader(name: String) throws {
        let header = try probe.probe(path: TestData.video(name))
        let counted = try probe.probe(path: TestData.video(name), exact: true)
        #expect(counted.frameCount.frames == header.frameCount.frames)
    }
}
