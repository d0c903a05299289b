// Distance kernels: the innermost loop of every search and insert.
//
// Why this shape: a 128- to 512-float vector is 0.5–2 KiB, so a kernel call is a short
// streaming loop. Two 16-lane accumulators keep several independent add chains in flight
// (the baseline x86-64 target lowers one SIMD16<Float> to four SSE registers, AVX2 to two,
// AVX-512 to one), so the loop is bound by loads rather than by add latency. Loads are
// unaligned because a vector's offset in a shared buffer is `node * dimension` floats.
// Products are plain `x * y` added to the accumulator, never `addingProduct`: without an
// FMA unit in the target, `addingProduct` becomes a per-lane libm call.

/// How distance between two vectors is measured. Smaller is closer for every metric.
public enum Metric: Sendable, Hashable, CaseIterable {
    /// 1 − cos(a, b). Vectors are normalised when added and queried, so this is 1 − a·b.
    case cosine
    /// Squared Euclidean distance ‖a − b‖² (the square root is monotone, so it is skipped).
    case l2
    /// −a·b, for embeddings trained for maximum inner product.
    case innerProduct
}

/// The dot product a·b.
///
/// - Precondition: `a.count == b.count`.
/// - Complexity: O(n) in the vector length, n/32 iterations of two 16-lane multiply-adds.
@inlinable
public func dotProduct(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
    precondition(a.count == b.count, "dotProduct: vectors of different lengths")
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
    let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
    let count = a.count
    var acc0 = SIMD16<Float>(), acc1 = SIMD16<Float>()
    var i = 0
    while i &+ 32 <= count {
        let offset = i &* 4
        acc0 += ra.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            * rb.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        acc1 += ra.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
            * rb.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
        i &+= 32
    }
    if i &+ 16 <= count {
        acc0 += ra.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            * rb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        i &+= 16
    }
    var acc8 = SIMD8<Float>()
    if i &+ 8 <= count {
        acc8 = ra.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            * rb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
        i &+= 8
    }
    var sum = (acc0 + acc1).sum() + acc8.sum()
    while i < count {
        sum += pa[i] * pb[i]
        i &+= 1
    }
    return sum
}

/// The squared Euclidean distance ‖a − b‖².
///
/// - Precondition: `a.count == b.count`.
/// - Complexity: O(n) in the vector length.
@inlinable
public func l2SquaredDistance(
    _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>
) -> Float {
    precondition(a.count == b.count, "l2SquaredDistance: vectors of different lengths")
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
    let ra = UnsafeRawPointer(pa), rb = UnsafeRawPointer(pb)
    let count = a.count
    var acc0 = SIMD16<Float>(), acc1 = SIMD16<Float>()
    var i = 0
    while i &+ 32 <= count {
        let offset = i &* 4
        let d0 = ra.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            - rb.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
        let d1 = ra.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
            - rb.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
        acc0 += d0 * d0
        acc1 += d1 * d1
        i &+= 32
    }
    if i &+ 16 <= count {
        let d = ra.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
            - rb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        acc0 += d * d
        i &+= 16
    }
    var acc8 = SIMD8<Float>()
    if i &+ 8 <= count {
        let d = ra.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            - rb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
        acc8 = d * d
        i &+= 8
    }
    var sum = (acc0 + acc1).sum() + acc8.sum()
    while i < count {
        let d = pa[i] - pb[i]
        sum += d * d
        i &+= 1
    }
    return sum
}

/// Cosine distance 1 − a·b for vectors that are already normalised to unit length.
///
/// - Complexity: O(n) in the vector length.
@inlinable
public func cosineDistanceNormalised(
    _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>
) -> Float {
    1 - dotProduct(a, b)
}

/// Inner-product distance −a·b (smaller is more similar).
///
/// - Complexity: O(n) in the vector length.
@inlinable
public func innerProductDistance(
    _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>
) -> Float {
    -dotProduct(a, b)
}

extension Metric {
    /// The distance between `a` and `b` under this metric (cosine expects normalised input).
    ///
    /// - Complexity: O(n) in the vector length.
    @inlinable
    public func distance(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        switch self {
        case .cosine: return cosineDistanceNormalised(a, b)
        case .l2: return l2SquaredDistance(a, b)
        case .innerProduct: return innerProductDistance(a, b)
        }
    }

    /// Whether vectors are normalised to unit length before they are stored or compared.
    @inlinable
    public var normalisesVectors: Bool { self == .cosine }
}

/// Scales `vector` to unit length in place; a zero vector is left as it is.
///
/// - Complexity: O(n) in the vector length.
@inlinable
public func normalise(_ vector: UnsafeMutableBufferPointer<Float>) {
    let norm = dotProduct(UnsafeBufferPointer(vector), UnsafeBufferPointer(vector)).squareRoot()
    guard norm > 0, norm.isFinite else { return }
    let scale = 1 / norm
    for i in vector.indices { vector[i] *= scale }
}
