// Builds record and key bytes: fixed-width big-endian integers (byte order = numeric
// order), signed values with the sign bit flipped, length-prefixed strings.

struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: UInt16) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Signed, order-preserving: flips the sign bit so negatives sort first.
    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value) ^ (1 << 63)) }

    mutating func write(_ value: Int32) { write(UInt32(bitPattern: value) ^ (1 << 31)) }

    mutating func write(_ value: Float) { write(value.bitPattern) }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    /// UTF-8 bytes after a 16-bit length. Callers enforce `Limits.identifierBytesMax`.
    mutating func writeShortString(_ value: String) {
        let utf8 = value.utf8
        precondition(utf8.count <= Int(UInt16.max), "short string too long")
        write(UInt16(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// UTF-8 bytes after a 32-bit length.
    mutating func writeLongString(_ value: String) {
        let utf8 = value.utf8
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Raw bytes with no length (last field of a key).
    mutating func writeRaw(_ value: String) { bytes.append(contentsOf: value.utf8) }
}
