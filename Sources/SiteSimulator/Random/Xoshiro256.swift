// The simulator's own PRNG: output must be byte-identical for the same seed on every platform
// and Swift version, so nothing here may depend on Foundation or the system generator.

/// SplitMix64 step: expands one 64-bit seed into well-mixed words (used to seed xoshiro and to
/// hash (seed, key) pairs into independent per-segment streams).
@inline(__always)
func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// Mixes a key into a seed; used to derive independent streams so that a segment's boxes and
/// embedding do not depend on the order in which segments are written.
@inline(__always)
func mixSeed(_ seed: UInt64, _ key: UInt64) -> UInt64 {
    var state = seed ^ (key &* 0xD1B5_4A32_D192_ED03)
    return splitMix64(&state)
}

/// xoshiro256** (Blackman & Vigna): fast, small state, good statistical quality.
struct Xoshiro256: RandomNumberGenerator {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var state = seed
        s0 = splitMix64(&state)
        s1 = splitMix64(&state)
        s2 = splitMix64(&state)
        s3 = splitMix64(&state)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    @inline(__always)
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// Uniform integer in 0..<bound (bound > 0); Lemire's multiply-shift, bias negligible here.
    @inline(__always)
    mutating func index(_ bound: Int) -> Int {
        precondition(bound > 0, "index bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Standard normal by Box–Muller (one value per call keeps the stream simple to reason about).
    @inline(__always)
    mutating func normal() -> Double {
        let u1 = 1.0 - unit()  // (0, 1]: log stays finite
        let u2 = unit()
        return (-2.0 * portableLog(u1)).squareRoot() * portableCos(2.0 * Double.pi * u2)
    }

    /// Log-normal with the given median and log-space standard deviation.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * portableExp(sigma * normal())
    }

    /// Geometric count ≥ 0 with the given mean.
    mutating func geometric(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let p = 1.0 / (1.0 + mean)
        return Int(portableLog(1.0 - unit()) / portableLog(1.0 - p))
    }
}
