// Distance kernels: the innermost loop of every search and insert.
//
// The arithmetic is in C (`CVectorKernels`): one body compiled for SSE2, AVX2 and AVX-512 and
// chosen at run time, with the same result bit for bit on each, so the binary still targets
// baseline x86-64 while a search on this machine's AVX-512 does a quarter of the loads and
// multiplies. The Swift kernels this replaced are kept in the tests as the reference the C
// ones must match exactly.
// Public so the inlinable kernels can call the C functions from client code (the prefetch
// is a static inline C function that must inline into the search loop to be worth anything).
public import CVectorKernels

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
/// - Complexity: O(n) in the vector length.
@inlinable
public func dotProduct(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
    precondition(a.count == b.count, "dotProduct: vectors of different lengths")
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
    return seggraph_dot(pa, pb, a.count)
}

/// The squared Euclidean distance ‖a − b‖² (the square root is monotone, so it is skipped).
///
/// - Precondition: `a.count == b.count`.
/// - Complexity: O(n) in the vector length.
@inlinable
public func l2SquaredDistance(
    _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>
) -> Float {
    precondition(a.count == b.count, "l2SquaredDistance: vectors of different lengths")
    guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
    return seggraph_l2_squared(pa, pb, a.count)
}

/// Asks the CPU to start loading the cache line at `address` (Swift has no prefetch
/// instruction of its own).
@inlinable
public func prefetchCacheLine(_ address: UnsafeRawPointer) { seggraph_prefetch(address) }

/// Asks for every cache line of the `byteCount` bytes from `start` (the last one included when
/// `start` is not at a line boundary).
@inlinable
public func prefetchCacheLines(_ start: UnsafeRawPointer, byteCount: Int) {
    guard byteCount > 0 else { return }
    var offset = 0
    while offset < byteCount {
        seggraph_prefetch(start + offset)
        offset &+= 64
    }
    seggraph_prefetch(start + (byteCount &- 1))
}

/// Which kernels this CPU runs: "avx512", "avx2" or "sse2" (for benchmark reports).
public var distanceKernelName: String { String(cString: seggraph_kernel_name()) }

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
