// A pull parser over the bytes of a mapped file: the caller asks for the value it expects
// (`readDouble`, `enterObject`/`nextKey`, `skipValue`…) and the reader checks and consumes it.
// No tokens or DOM are materialised; strings are built only for values the caller keeps.
//
// Line tracking is free: JSON strings cannot hold raw newlines, so every line break is seen by
// `skipWhitespace`, which counts it.

/// The kind of the next value, from its first byte.
enum JSONKind {
    case object, array, string, number, bool, null

    /// `an object`, `a string`… as used in `expected a number, found a string`.
    var name: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A string's bytes in the file, between the quotes.
struct JSONStringToken {
    var start: Int
    var count: Int
    /// Contains backslash escapes (needs decoding).
    var escaped: Bool
    /// Contains bytes ≥ 0x80 (needs UTF-8 validation).
    var nonASCII: Bool
}

/// Pull parser state. Copying a reader forks it (used to look ahead); the bytes are shared.
struct JSONReader {
    let base: UnsafePointer<UInt8>
    let fileEnd: Int
    /// Parsing stops here: the file end, or a line's end in JSON Lines.
    var end: Int
    var position: Int
    var line = 1
    var lineStart = 0
    var path = JSONPath()

    /// - Precondition: `bytes` is non-empty and outlives the reader.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count > 0, "JSONReader needs a non-empty buffer")
        base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        fileEnd = bytes.count
        end = bytes.count
        position = 0
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let byte = base[position]
            if byte > 0x20 { return }
            switch byte {
            case 0x20, 0x09, 0x0D: position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default: return
            }
        }
    }

    /// The next non-whitespace byte without consuming it; 0 at the end.
    @inline(__always)
    mutating func peek() -> UInt8 {
        skipWhitespace()
        return position < end ? base[position] : 0
    }

    var atEnd: Bool { position >= end }

    /// The kind of the next value. Rejects NaN/Infinity literals and bytes that start no value.
    mutating func peekKind() throws(JSONFailure) -> JSONKind {
        switch peek() {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"):
            if position + 1 < end, base[position + 1] == UInt8(ascii: "I") {
                throw failure("-Infinity is not allowed")
            }
            return .number
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "N"): throw failure("NaN is not allowed")
        case UInt8(ascii: "I"): throw failure("Infinity is not allowed")
        default: throw unexpected(expecting: "a value")
        }
    }

    /// Consumes `null` if it is next.
    mutating func consumeNull() throws(JSONFailure) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }

    mutating func readBool() throws(JSONFailure) -> Bool {
        let kind = try peekKind()
        guard kind == .bool else { throw typeMismatch(expected: "a boolean", found: kind) }
        if base[position] == UInt8(ascii: "t") { try readLiteral("true"); return true }
        try readLiteral("false")
        return false
    }

    mutating func readLiteral(_ literal: StaticString) throws(JSONFailure) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end,
              memcmpBytes(base + position, literal.utf8Start, count) else {
            throw syntaxError("invalid literal, expected \(literal)")
        }
        position += count
    }
}

/// Byte equality of two ranges (a tiny `memcmp` that the optimizer can inline).
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for offset in 0..<count where a[offset] != b[offset] { return false }
    return true
}
