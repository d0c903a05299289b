// Key and value codecs. Integers are stored big-endian so that byte order is
// numeric order; signed integers have their sign bit flipped for the same reason.

/// A value that can be stored as LMDB key or data bytes.
package protocol LMDBCodable {
    /// Calls `body` with the encoded bytes; they are valid only during the call.
    func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
    /// Decodes from bytes in the map (copy what you keep: the bytes die with the transaction).
    init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError)
}

/// Stored bytes that do not decode as the expected type: a corrupt or foreign store.
package struct RecordDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    package var typeName: String
    package var reason: String
    /// Where the bytes were read: the table and the key in hex (set by `Table`).
    package var table: String?
    package var keyHex: String?
    package init(_ typeName: String, _ reason: String) {
        self.typeName = typeName
        self.reason = reason
    }
    package var description: String {
        let place = table.map { " (table \($0)\(keyHex.map { ", key \($0)" } ?? ""))" } ?? ""
        return "cannot decode \(typeName)\(place): \(reason)"
    }
}

extension UInt32: LMDBCodable {
    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: bigEndian) { try body($0) }
    }
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        guard bytes.count == 4 else { throw RecordDecodingError("UInt32", "\(bytes.count) bytes") }
        self.init(bigEndian: bytes.loadUnaligned(as: UInt32.self))
    }
}

extension UInt64: LMDBCodable {
    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: bigEndian) { try body($0) }
    }
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        guard bytes.count == 8 else { throw RecordDecodingError("UInt64", "\(bytes.count) bytes") }
        self.init(bigEndian: bytes.loadUnaligned(as: UInt64.self))
    }
}

extension String: LMDBCodable {
    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Array: LMDBCodable where Element == UInt8 {
    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes { try body($0) }
    }
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {
        self = Array(bytes)
    }
}

/// A zero-length value, for index tables where the key says everything.
package struct Empty: LMDBCodable, Sendable, Equatable {
    package init() {}
    package func withEncodedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: nil, count: 0))
    }
    package init(decoding bytes: UnsafeRawBufferPointer) throws(RecordDecodingError) {}
}
