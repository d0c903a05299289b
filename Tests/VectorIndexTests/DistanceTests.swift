// Goal: the SIMD distance kernels compute the same values as the textbook formulas.
// Method: compare each kernel with a scalar Double reference on seeded random vectors of
// every length from 0 to 70 (covering the 32-, 16-, 8-wide and scalar tails) and on 512.
import Testing
import VectorIndex

@Suite("Distance kernels")
struct DistanceTests {
    static let lengths = Array(0...70) + [127, 128, 512]

    func randomPair(count: Int, seed: UInt64) -> ([Float], [Float]) {
        var generator = SplitMix64(seed: seed)
        let a = (0..<count).map { _ in Float(generator.nextUnitInterval() * 2 - 1) }
        let b = (0..<count).map { _ in Float(generator.nextUnitInterval() * 2 - 1) }
        return (a, b)
    }

    func referenceDot(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    func referenceL2(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0) { $0 + (Double($1.0) - Double($1.1)) * (Double($1.0) - Double($1.1)) }
    }

    @Test("dot product, inner product and L2² match the scalar reference", arguments: lengths)
    func kernelsMatchReference(count: Int) {
        let (a, b) = randomPair(count: count, seed: UInt64(count) + 1)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let tolerance = 1e-5 * Double(max(count, 1))
                #expect(abs(Double(dotProduct(pa, pb)) - referenceDot(a, b)) <= tolerance)
                #expect(abs(Double(innerProductDistance(pa, pb)) + referenceDot(a, b)) <= tolerance)
                #expect(abs(Double(l2SquaredDistance(pa, pb)) - referenceL2(a, b)) <= tolerance)
                #expect(Metric.l2.distance(pa, pb) == l2SquaredDistance(pa, pb))
            }
        }
    }

    @Test("cosine distance of normalised vectors is 1 − cos", arguments: [3, 16, 64, 100, 512])
    func cosineMatchesReference(count: Int) {
        var (a, b) = randomPair(count: count, seed: 99)
        let expected = 1 - referenceDot(a, b) / (referenceDot(a, a) * referenceDot(b, b)).squareRoot()
        a.withUnsafeMutableBufferPointer { normalise($0) }
        b.withUnsafeMutableBufferPointer { normalise($0) }
        #expect(abs(referenceDot(a, a) - 1) < 1e-5)
        let measured = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in Metric.cosine.distance(pa, pb) }
        }
        #expect(abs(Double(measured) - expected) < 1e-5)
    }

    @Test("normalising a zero vector leaves it unchanged")
    func zeroVector() {
        var zero = [Float](repeating: 0, count: 8)
        zero.withUnsafeMutableBufferPointer { normalise($0) }
        #expect(zero == [Float](repeating: 0, count: 8))
    }
}
