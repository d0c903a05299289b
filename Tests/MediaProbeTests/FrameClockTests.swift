// Goal: the frame-rate choice and the header frame-count check follow their stated rules.
// Method: table of rate pairs / counts, including FFmpeg's "unknown" (0/0) and tick rates.
@testable import MediaProbe
import Testing

@Suite struct FrameClockTests {
    @Test func prefersPlausibleAverage() {
        let choice = FrameClock.chooseRate(average: Rational(numerator: 456000, denominator: 15217),
                                           real: Rational(numerator: 30000, denominator: 1001))
        #expect(choice.source == .average)
    }

    @Test(arguments: [(0, 0), (0, 1), (1, 0), (90000, 1), (-25, 1)])
    func fallsBackToRealWhenAverageIsImplausible(num: Int, den: Int) {
        let choice = FrameClock.chooseRate(average: Rational(numerator: num, denominator: den),
                                           real: Rational(numerator: 25, denominator: 1))
        #expect(choice.source == .real)
        #expect(choice.framesPerSecond == 25)
    }

    @Test func headerTrustedWithinTenPercent() {
        #expect(FrameClock.headerDistrust(headerFrames: 456, durationSeconds: 15.184,
                                          framesPerSecond: 29.97) == nil)
        #expect(FrameClock.headerDistrust(headerFrames: 109, durationSeconds: 10,
                                          framesPerSecond: 10) == nil)
    }

    @Test func headerDistrustedWhenMissingOrFarOff() {
        #expect(FrameClock.headerDistrust(headerFrames: nil, durationSeconds: 10,
                                          framesPerSecond: 10) == "header has no frame count")
        #expect(FrameClock.headerDistrust(headerFrames: 0, durationSeconds: 10,
                                          framesPerSecond: 10) == "header has no frame count")
        #expect(FrameClock.headerDistrust(headerFrames: 111, durationSeconds: 10,
                                          framesPerSecond: 10)
                == "header frame count 111 differs from duration × fps (100) by 11 %")
    }

    @Test func headerTrustedWhenNothingToCompare() {
        #expect(FrameClock.headerDistrust(headerFrames: 50, durationSeconds: nil,
                                          framesPerSecond: 10) == nil)
    }
}
