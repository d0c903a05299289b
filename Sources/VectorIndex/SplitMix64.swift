// A small seeded random number generator: the index's level draws must be reproducible
// (same seed and insertion order → same graph), and the system generator is not seedable.

/// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit state, full period, good enough to draw
/// HNSW levels and synthetic test data. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator whose output is fully determined by `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw from the half-open interval (0, 1], never exactly zero, so that its
    /// logarithm is finite.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }
}
