// Strings: scanning (no allocation) and decoding (only for values the caller keeps).

extension JSONReader {
    /// Consumes a string whose opening quote is next; returns its raw byte range.
    mutating func readStringToken() throws(JSONFailure) -> JSONStringToken {
        position += 1  // opening quote, checked by the caller
        let start = position
        var escaped = false
        var nonASCII = false
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return JSONStringToken(start: start, count: position - 1 - start,
                                       escaped: escaped, nonASCII: nonASCII)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2  // the escaped byte cannot end the string; checked in decode
                continue
            }
            if byte < 0x20 { throw syntaxError("unescaped control character in string") }
            if byte >= 0x80 { nonASCII = true }
            position += 1
        }
        position = end
        throw endOfInput()
    }

    /// Reads a string value, checking its kind and UTF-8 byte length.
    mutating func readString(maxBytes: Int) throws(JSONFailure) -> String {
        let token = try readStringTokenChecked()
        guard token.count <= maxBytes else {
            throw failure("string is longer than \(maxBytes) bytes")
        }
        return try decode(token)
    }

    /// Reads a string token after checking that a string is next.
    mutating func readStringTokenChecked() throws(JSONFailure) -> JSONStringToken {
        let kind = try peekKind()
        guard kind == .string else { throw typeMismatch(expected: "a string", found: kind) }
        return try readStringToken()
    }

    /// The string's text. Validates UTF-8 and escapes.
    func decode(_ token: JSONStringToken) throws(JSONFailure) -> String {
        let raw = UnsafeBufferPointer(start: base + token.start, count: token.count)
        if !token.escaped {
            if !token.nonASCII { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw failure("invalid UTF-8 in string")
            }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.count)
        try unescape(raw, into: &bytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw failure("invalid UTF-8 in string")
        }
        return text
    }

    /// Expands backslash escapes, including `\uXXXX` surrogate pairs, into UTF-8.
    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) throws(JSONFailure) {
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else { bytes.append(byte); continue }
            guard index < raw.count else { throw failure("invalid escape in string") }
            let code = raw[index]
            index += 1
            switch code {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(code)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(raw, at: &index)
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by `\u` and a low surrogate.
                    guard index + 1 < raw.count, raw[index] == UInt8(ascii: "\\"),
                          raw[index + 1] == UInt8(ascii: "u") else { throw failure("unpaired surrogate in string") }
                    index += 2
                    let low = try hex4(raw, at: &index)
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw failure("unpaired surrogate in string")
                }
                bytes.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
            default:
                throw failure("invalid escape \\\(Character(Unicode.Scalar(code))) in string")
            }
        }
    }

    private func hex4(_ raw: UnsafeBufferPointer<UInt8>, at index: inout Int) throws(JSONFailure) -> UInt32 {
        guard index + 4 <= raw.count else { throw failure("invalid \\u escape in string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = raw[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw failure("invalid \\u escape in string")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Whether the token's raw bytes equal `name` (keys with escapes are decoded first).
    @inline(__always)
    func token(_ token: JSONStringToken, is name: StaticString) -> Bool {
        guard !token.escaped else { return (try? decode(token)) == name.description }
        return token.count == name.utf8CodeUnitCount
            && memcmpBytes(base + token.start, name.utf8Start, token.count)
    }
}
