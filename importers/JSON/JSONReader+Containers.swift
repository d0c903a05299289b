// Objects and arrays as iteration protocols that keep the path stack current:
//
//     try reader.enterObject()
//     var first = true
//     while let key = try reader.nextKey(&first) { … read the value … }
//
//     try reader.enterArray()
//     var index = 0
//     while try reader.nextElement(index) { … read the value …; index += 1 }
//
// `enter*` pushes a path component, `next*` updates it, the closing bracket pops it.

extension JSONReader {
    /// Consumes `{` (after checking the kind) and pushes a key placeholder.
    mutating func enterObject() throws(JSONFailure) {
        if peek() != UInt8(ascii: "{") {
            let kind = try peekKind()
            throw typeMismatch(expected: "an object", found: kind)
        }
        try pushLevel()
        position += 1
        path.push(.name("?"))
    }

    /// The next member's key, with its `:` consumed; `nil` after the closing `}`.
    @inline(__always)
    mutating func nextKey(_ first: inout Bool) throws(JSONFailure) -> JSONStringToken? {
        var byte = peek()
        if first {
            first = false
            if byte == UInt8(ascii: "}") { position += 1; path.pop(); return nil }
        } else if byte == UInt8(ascii: ",") {
            position += 1
            byte = peek()
        } else if byte == UInt8(ascii: "}") {
            position += 1
            path.pop()
            return nil
        } else {
            throw syntaxError("expected ',' or '}' after object member")
        }
        guard byte == UInt8(ascii: "\"") else { throw unexpected(expecting: "'\"' to start an object key") }
        let key = try readStringToken()
        path.setTop(.key(start: key.start, count: key.count, escaped: key.escaped))
        guard peek() == UInt8(ascii: ":") else { throw syntaxError("expected ':' after object key") }
        position += 1
        return key
    }

    /// Consumes `[` (after checking the kind) and pushes an index component.
    mutating func enterArray() throws(JSONFailure) {
        if peek() != UInt8(ascii: "[") {
            let kind = try peekKind()
            throw typeMismatch(expected: "an array", found: kind)
        }
        try pushLevel()
        position += 1
        path.push(.index(0))
    }

    /// Whether element `index` follows (consuming the `,` before it); `false` after `]`.
    @inline(__always)
    mutating func nextElement(_ index: Int) throws(JSONFailure) -> Bool {
        let byte = peek()
        if index == 0 {
            if byte == UInt8(ascii: "]") { position += 1; path.pop(); return false }
            return true
        }
        if byte == UInt8(ascii: ",") {
            position += 1
            path.setTop(.index(index))
            return true
        }
        if byte == UInt8(ascii: "]") { position += 1; path.pop(); return false }
        throw syntaxError("expected ',' or ']' after array element")
    }

    private func pushLevel() throws(JSONFailure) {
        guard path.depth < ImportLimits.nestingDepthMax else {
            throw failure("nesting is deeper than \(ImportLimits.nestingDepthMax) levels")
        }
    }

    /// Skips one value of any kind, validating its syntax. Iterative, so depth is bounded by
    /// `ImportLimits.nestingDepthMax` rather than the thread's stack.
    mutating func skipValue() throws(JSONFailure) {
        let baseDepth = path.depth
        // Counters of the open containers' next element index (arrays) or -1 (objects).
        var indices: [Int] = []
        while true {
            switch try peekKind() {
            case .string: _ = try readStringToken()
            case .number: try skipNumber()
            case .bool: _ = try readBool()
            case .null: try readLiteral("null")
            case .object:
                try enterObject()
                indices.append(-1)
                var first = true
                if try nextKey(&first) != nil { continue }
                indices.removeLast()
            case .array:
                try enterArray()
                indices.append(0)
                if try nextElement(0) { continue }
                indices.removeLast()
            }
            // A value is complete: advance the innermost open container until one has a value.
            while path.depth > baseDepth {
                let next = indices[indices.count - 1]
                if next < 0 {
                    var first = false
                    if try nextKey(&first) != nil { break }
                } else {
                    indices[indices.count - 1] = next + 1
                    if try nextElement(next + 1) { break }
                }
                indices.removeLast()
            }
            if path.depth == baseDepth { return }
        }
    }

    /// Skips one value and returns its byte range (for keeping it as JSON text).
    mutating func captureValue() throws(JSONFailure) -> Range<Int> {
        skipWhitespace()
        let start = position
        try skipValue()
        return start..<position
    }
}
