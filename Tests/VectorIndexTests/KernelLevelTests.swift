// Goal: every instruction-set level of the C distance kernels returns the same float, bit for
// bit, as the Swift SIMD kernels they replaced, so an index built on an AVX-512 machine is the
// one an SSE2 machine builds and no stored graph changes with the kernels.
// Method: the replaced Swift kernels' arithmetic is kept below as the reference (one lane-shaped
// sum, each kernel its term); each level this CPU has
// is compared with them on seeded random vectors of every length from 0 to 70 (all tails) and
// on 127, 128, 512 and 1024, including large magnitudes where rounding order shows.
import CVectorKernels
import Testing
import VectorIndex

@Suite("Distance kernel levels")
struct KernelLevelTests {
    static let lengths = Array(0...70) + [127, 128, 512, 1024]

    func randomVector(count: Int, generator: inout SplitMix64, scale: Float) -> [Float] {
        (0..<count).map { _ in Float(generator.nextUnitInterval() * 2 - 1) * scale }
    }

    @Test("each level matches the Swift reference bit for bit", arguments: lengths)
    func levelsMatchSwiftReference(count: Int) {
        var generator = SplitMix64(seed: UInt64(count) &* 7919 &+ 3)
        let levels = 0...Int(seggraph_kernel_level())
        for scale: Float in [1, 1000] {
            let a = randomVector(count: count, generator: &generator, scale: scale)
            let b = randomVector(count: count, generator: &generator, scale: scale)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    let dot = ReferenceKernels.dot(pa, pb), l2 = ReferenceKernels.l2Squared(pa, pb)
                    #expect(dotProduct(pa, pb).bitPattern == dot.bitPattern)
                    #expect(l2SquaredDistance(pa, pb).bitPattern == l2.bitPattern)
                    for level in levels where count > 0 {
                        #expect(seggraph_dot_at(Int32(level), pa.baseAddress!, pb.baseAddress!, count).bitPattern == dot.bitPattern,
                                "dot at level \(level), \(count) floats × \(scale)")
                        #expect(seggraph_l2_squared_at(Int32(level), pa.baseAddress!, pb.baseAddress!, count).bitPattern == l2.bitPattern,
                                "L2² at level \(level), \(count) floats × \(scale)")
                    }
                }
            }
        }
    }

    @Test("the int8 kernel matches its Swift reference bit for bit at each level", arguments: lengths)
    func int8LevelsMatchSwiftReference(count: Int) {
        var generator = SplitMix64(seed: UInt64(count) &* 104_729 &+ 5)
        let query = randomVector(count: count, generator: &generator, scale: 1)
        let codes = (0..<count).map { _ in Int8(Int(generator.nextUnitInterval() * 255) - 127) }
        query.withUnsafeBufferPointer { q in
            codes.withUnsafeBufferPointer { c in
                let expected = ReferenceKernels.dotInt8(q, c)
                for level in 0...Int(seggraph_kernel_level()) where count > 0 {
                    #expect(seggraph_dot_i8_at(Int32(level), q.baseAddress!, c.baseAddress!, count).bitPattern == expected.bitPattern,
                            "int8 dot at level \(level), \(count) elements")
                }
            }
        }
    }

    @Test("int8 codes estimate a unit vector's dot products to within 1 %")
    func int8CodesEstimateDotProducts() {
        var generator = SplitMix64(seed: 99)
        let dimension = 512
        var worst: Float = 0
        for _ in 0..<50 {
            var a = randomVector(count: dimension, generator: &generator, scale: 1)
            var b = randomVector(count: dimension, generator: &generator, scale: 1)
            a.withUnsafeMutableBufferPointer { normalise($0) }
            b.withUnsafeMutableBufferPointer { normalise($0) }
            var code = [UInt8](repeating: 0xFF, count: Int8Codes.slotBytes(dimension: dimension))
            #expect(code.count == 576)
            code.withUnsafeMutableBytes { slot in b.withUnsafeBufferPointer { Int8Codes.encode($0, into: slot) } }
            #expect(code[(4 + dimension)...].allSatisfy { $0 == 0 }, "padding is zeroed")
            let exact = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { dotProduct(x, $0) } }
            let estimate = a.withUnsafeBufferPointer { x in code.withUnsafeBytes { Int8Codes.dot(x, code: $0.baseAddress!) } }
            worst = max(worst, abs(exact - estimate))
        }
        #expect(worst < 0.01, "largest error \(worst)")
        // A zero vector codes to zero and estimates 0, not NaN.
        let zero = [Float](repeating: 0, count: 8), query: [Float] = [1, 2, 3, 4, 5, 6, 7, 8]
        var code = [UInt8](repeating: 0, count: Int8Codes.slotBytes(dimension: 8))
        code.withUnsafeMutableBytes { slot in zero.withUnsafeBufferPointer { Int8Codes.encode($0, into: slot) } }
        #expect(query.withUnsafeBufferPointer { q in code.withUnsafeBytes { Int8Codes.dot(q, code: $0.baseAddress!) } } == 0)
    }

    @Test("a level the CPU lacks answers NaN, not a wrong number")
    func missingLevelIsNaN() {
        let a: [Float] = [1, 2, 3]
        let level = Int32(seggraph_kernel_level())
        guard level < 2 else { return }  // this CPU has every level
        a.withUnsafeBufferPointer { pa in
            #expect(seggraph_dot_at(level + 1, pa.baseAddress!, pa.baseAddress!, 3).isNaN)
        }
    }
}

/// The Swift SIMD kernels that preceded the C ones, in their one shape: two 16-lane
/// accumulators over 32 elements at a time, a 16- and an 8-lane tail, lanes summed by `sum()`,
/// then a scalar tail. Each kernel is the term it adds up.
enum ReferenceKernels {
    static func laneShapedSum(count: Int, _ term16: (Int) -> SIMD16<Float>, _ term8: (Int) -> SIMD8<Float>,
                              _ term1: (Int) -> Float) -> Float {
        var acc0 = SIMD16<Float>(), acc1 = SIMD16<Float>()
        var i = 0
        while i + 32 <= count {
            acc0 += term16(i)
            acc1 += term16(i + 16)
            i += 32
        }
        if i + 16 <= count {
            acc0 += term16(i)
            i += 16
        }
        var acc8 = SIMD8<Float>()
        if i + 8 <= count {
            acc8 = term8(i)
            i += 8
        }
        var sum = (acc0 + acc1).sum() + acc8.sum()
        while i < count {
            sum += term1(i)
            i += 1
        }
        return sum
    }

    static func load16(_ v: UnsafeBufferPointer<Float>, _ i: Int) -> SIMD16<Float> {
        UnsafeRawPointer(v.baseAddress! + i).loadUnaligned(as: SIMD16<Float>.self)
    }

    static func load8(_ v: UnsafeBufferPointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(v.baseAddress! + i).loadUnaligned(as: SIMD8<Float>.self)
    }

    static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        guard a.baseAddress != nil, b.baseAddress != nil else { return 0 }
        return laneShapedSum(count: a.count, { load16(a, $0) * load16(b, $0) }, { load8(a, $0) * load8(b, $0) }, { a[$0] * b[$0] })
    }

    static func l2Squared(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        guard a.baseAddress != nil, b.baseAddress != nil else { return 0 }
        return laneShapedSum(count: a.count,
                             { let d = load16(a, $0) - load16(b, $0); return d * d },
                             { let d = load8(a, $0) - load8(b, $0); return d * d },
                             { let d = a[$0] - b[$0]; return d * d })
    }

    /// The int8 kernel's arithmetic in the same shape: codes widened to floats.
    static func dotInt8(_ a: UnsafeBufferPointer<Float>, _ codes: UnsafeBufferPointer<Int8>) -> Float {
        laneShapedSum(count: a.count,
                      { i in load16(a, i) * SIMD16<Float>((0..<16).map { Float(codes[i + $0]) }) },
                      { i in load8(a, i) * SIMD8<Float>((0..<8).map { Float(codes[i + $0]) }) },
                      { a[$0] * Float(codes[$0]) })
    }
}
