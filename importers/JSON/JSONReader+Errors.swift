// Building failures with the reader's current line/column; rendering paths for messages.

extension JSONReader {
    /// 1-based byte column of the current position.
    var column: Int { position - lineStart + 1 }

    /// A semantic error at the current path (`expected a number, found a string`).
    func failure(_ reason: String, suffix: [JSONPathComponent] = []) -> JSONFailure {
        JSONFailure(reason: reason, column: nil, line: line, suffix: suffix)
    }

    /// A syntax error: `invalid JSON: <what> (column N)`; at the end of input, says so instead.
    func syntaxError(_ what: String) -> JSONFailure {
        if position >= end { return endOfInput() }
        return JSONFailure(reason: "invalid JSON: \(what)", column: column, line: line)
    }

    func endOfInput() -> JSONFailure {
        let what = end < fileEnd ? "unexpected end of line" : "unexpected end of file"
        return JSONFailure(reason: "invalid JSON: \(what)", column: column, line: line)
    }

    /// `invalid JSON: unexpected character 'x', expected a value`.
    func unexpected(expecting: String) -> JSONFailure {
        guard position < end else { return endOfInput() }
        return syntaxError("unexpected character \(Self.describe(base[position])), expected \(expecting)")
    }

    func typeMismatch(expected: String, found kind: JSONKind) -> JSONFailure {
        failure("expected \(expected), found \(kind.name)")
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The current path as text, plus `suffix`.
    func renderPath(suffix: [JSONPathComponent] = []) -> String {
        let keyText = { (start: Int, count: Int, escaped: Bool) -> String in
            self.keyString(start: start, count: count, escaped: escaped)
        }
        var out = path.render(keyText: keyText)
        for component in suffix { path.append(component, to: &out, keyText: keyText) }
        return out
    }

    /// Decodes a key for display; undecodable bytes are replaced rather than failing again.
    func keyString(start: Int, count: Int, escaped: Bool) -> String {
        let token = JSONStringToken(start: start, count: count, escaped: escaped, nonASCII: true)
        return (try? decode(token)) ?? String(decoding: UnsafeBufferPointer(start: base + start, count: count),
                                              as: UTF8.self)
    }
}
