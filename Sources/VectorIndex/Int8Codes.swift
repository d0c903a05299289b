// Scalar int8 quantization with one scale per vector: x ≈ scale · c, c in −127…127, scale =
// max|xᵢ| / 127. A 512-d vector's code is 576 bytes instead of 2,048, so a search that walks
// the graph on codes fetches a quarter of the memory; the few candidates it ends with are then
// re-ranked on the float vectors, which is what keeps the answers those of the float index.
//
// Why per-vector scales, not one per dimension: embeddings are normalised, their components
// are spread evenly, and a per-vector scale needs no training pass over the data (a store is
// built one import at a time, and every code must mean the same thing whenever it was made).
// The query stays in floats (asymmetric distance): it is encoded never, so it loses nothing.

public import CVectorKernels

public enum Int8Codes {
    /// Bytes of one code: the f32 scale (LE), then `dimension` int8 values, padded to whole
    /// 64-byte cache lines so a code never straddles one more line than it must.
    public static func slotBytes(dimension: Int) -> Int { (4 + dimension + 63) / 64 * 64 }

    /// Writes `vector`'s code into `slot` (at least `slotBytes(dimension:)` bytes).
    public static func encode(_ vector: UnsafeBufferPointer<Float>, into slot: UnsafeMutableRawBufferPointer) {
        precondition(slot.count >= slotBytes(dimension: vector.count), "Int8Codes.encode: slot too small")
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 && largest.isFinite ? largest / 127 : 0
        slot.storeBytes(of: scale.bitPattern.littleEndian, as: UInt32.self)
        for (index, value) in vector.enumerated() {
            let code = scale > 0 ? min(127, max(-127, (value / scale).rounded())) : 0
            slot.storeBytes(of: Int8(code), toByteOffset: 4 + index, as: Int8.self)
        }
        for padding in (4 + vector.count)..<slotBytes(dimension: vector.count) { slot[padding] = 0 }
    }

    /// q·x estimated from x's code.
    @inlinable
    public static func dot(_ query: UnsafeBufferPointer<Float>, code: UnsafeRawPointer) -> Float {
        guard let q = query.baseAddress else { return 0 }
        let scale = Float(bitPattern: UInt32(littleEndian: code.loadUnaligned(as: UInt32.self)))
        return scale * seggraph_dot_i8(q, (code + 4).assumingMemoryBound(to: Int8.self), query.count)
    }

    /// The distance from `query` to the coded vector under `metric`: the dot-product metrics
    /// only (cosine on normalised vectors, inner product); L2 is not supported by codes.
    @inlinable
    public static func distance(_ query: UnsafeBufferPointer<Float>, code: UnsafeRawPointer, metric: Metric) -> Float {
        switch metric {
        case .cosine: return 1 - dot(query, code: code)
        case .innerProduct: return -dot(query, code: code)
        case .l2: preconditionFailure("int8 codes measure dot products, not L2 distance")
        }
    }
}
