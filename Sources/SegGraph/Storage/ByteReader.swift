// Reads what ByteWriter wrote. Every read is bounds-checked: a short or corrupt
// record throws RecordDecodingError instead of reading past the value.
internal import LMDB

struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    let typeName: String
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer, typeName: String) {
        self.bytes = bytes
        self.typeName = typeName
    }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(RecordDecodingError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= bytes.count else {
            throw RecordDecodingError(typeName, "truncated at byte \(offset) (needs \(count) of \(bytes.count - offset))")
        }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func readUInt8() throws(RecordDecodingError) -> UInt8 { try take(1)[0] }

    mutating func readUInt16() throws(RecordDecodingError) -> UInt16 {
        UInt16(bigEndian: try take(2).loadUnaligned(as: UInt16.self))
    }

    mutating func readUInt32() throws(RecordDecodingError) -> UInt32 {
        UInt32(bigEndian: try take(4).loadUnaligned(as: UInt32.self))
    }

    mutating func readUInt64() throws(RecordDecodingError) -> UInt64 {
        UInt64(bigEndian: try take(8).loadUnaligned(as: UInt64.self))
    }

    mutating func readInt64() throws(RecordDecodingError) -> Int64 {
        Int64(bitPattern: try readUInt64() ^ (1 << 63))
    }

    mutating func readInt32() throws(RecordDecodingError) -> Int32 {
        Int32(bitPattern: try readUInt32() ^ (1 << 31))
    }

    mutating func readFloat() throws(RecordDecodingError) -> Float { Float(bitPattern: try readUInt32()) }

    mutating func readDouble() throws(RecordDecodingError) -> Double { Double(bitPattern: try readUInt64()) }

    mutating func readShortString() throws(RecordDecodingError) -> String {
        let count = Int(try readUInt16())
        return String(decoding: try take(count), as: UTF8.self)
    }

    mutating func readLongString() throws(RecordDecodingError) -> String {
        let count = Int(try readUInt32())
        return String(decoding: try take(count), as: UTF8.self)
    }

    /// The rest of the bytes as a string (last field of a key).
    mutating func readRemainingString() throws(RecordDecodingError) -> String {
        String(decoding: try take(bytes.count - offset), as: UTF8.self)
    }
}
