// Numbers. Most input numbers are short decimals (`0.12345678`, `309`), so the digits are
// accumulated into a UInt64 and scaled by an exact power of ten: with ≤ 15 significant digits
// and |exponent| ≤ 22 both operands are exact doubles and one IEEE operation rounds correctly
// (Clinger's fast path). Anything else goes to `strtod` on a small NUL-terminated copy.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exactly representable powers of ten, 10^0 … 10^22.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// A parsed number: its value, and whether it was written without fraction or exponent.
struct JSONNumber {
    var value: Double
    var isInteger: Bool
}

extension JSONReader {
    /// Reads a number (checking the kind first).
    @inline(__always)
    mutating func readDouble() throws(JSONFailure) -> Double {
        try readNumber().value
    }

    /// Reads a number or `null`.
    mutating func readOptionalDouble() throws(JSONFailure) -> Double? {
        if try consumeNull() { return nil }
        return try readDouble()
    }

    mutating func readNumber() throws(JSONFailure) -> JSONNumber {
        let byte = peek()
        if byte == UInt8(ascii: "-") || (byte &- 0x30) < 10 {
            if byte == UInt8(ascii: "-"), position + 1 < end, base[position + 1] == UInt8(ascii: "I") {
                throw failure("-Infinity is not allowed")
            }
            return try scanNumber()
        }
        let kind = try peekKind()
        throw typeMismatch(expected: "a number", found: kind)
    }

    /// Reads an integer that fits in `Int64` (`30` or `30.0`; not `30.5`).
    mutating func readInteger() throws(JSONFailure) -> Int64 {
        let start = position
        let number = try readNumber()
        // Integers below 2^53 are exact doubles; `30.0` is accepted as an integer too.
        if number.isInteger && abs(number.value) < 9.0e15 { return Int64(number.value) }
        guard number.value == number.value.rounded(), abs(number.value) < 9.0e15 else {
            throw failure("expected an integer, found \(text(from: start))")
        }
        return Int64(number.value)
    }

    /// The raw text of the value that ends at the current position (for messages).
    func text(from start: Int) -> String {
        var from = start
        while from < position, base[from] <= 0x20 { from += 1 }
        return String(decoding: UnsafeBufferPointer(start: base + from, count: position - from), as: UTF8.self)
    }

    /// Scans the JSON number grammar at `position` (a '-' or digit is next).
    @inline(__always)
    mutating func scanNumber() throws(JSONFailure) -> JSONNumber {
        let start = position
        var p = position
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        var mantissa: UInt64 = 0
        var significant = 0   // digits in `mantissa`, leading zeros excluded
        var exponent = 0      // decimal exponent applied to `mantissa`
        var truncated = false // more than 19 significant digits: `mantissa` is inexact
        guard p < end, (base[p] &- 0x30) < 10 else { position = p; throw syntaxError("invalid number") }
        if base[p] == UInt8(ascii: "0") {
            p += 1
        } else {
            while p < end, case let digit = base[p] &- 0x30, digit < 10 {
                if significant < 19 { mantissa = mantissa &* 10 &+ UInt64(digit); significant += 1 }
                else { exponent += 1; truncated = true }
                p += 1
            }
        }
        var isInteger = true
        if p < end, base[p] == UInt8(ascii: ".") {
            isInteger = false
            p += 1
            let fractionStart = p
            while p < end, case let digit = base[p] &- 0x30, digit < 10 {
                if mantissa == 0 && digit == 0 { exponent -= 1 }
                else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit); significant += 1; exponent -= 1
                } else { truncated = true }
                p += 1
            }
            guard p > fractionStart else { position = p; throw syntaxError("invalid number") }
        }
        if p < end, base[p] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            p += 1
            var exponentNegative = false
            if p < end, base[p] == UInt8(ascii: "-") || base[p] == UInt8(ascii: "+") {
                exponentNegative = base[p] == UInt8(ascii: "-")
                p += 1
            }
            let digitsStart = p
            var written = 0
            while p < end, case let digit = base[p] &- 0x30, digit < 10 {
                if written < 100_000 { written = written * 10 + Int(digit) }
                p += 1
            }
            guard p > digitsStart else { position = p; throw syntaxError("invalid number") }
            exponent += exponentNegative ? -written : written
        }
        position = p
        if mantissa == 0 && !truncated { return JSONNumber(value: negative ? -0.0 : 0.0, isInteger: isInteger) }
        if !truncated && significant <= 15 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / exactPowersOfTen[-exponent] : value * exactPowersOfTen[exponent]
            return JSONNumber(value: negative ? -value : value, isInteger: isInteger)
        }
        return JSONNumber(value: try slowNumber(start: start, end: p), isInteger: isInteger)
    }

    /// Checks the number grammar without converting (for skipped values); the value is only
    /// converted when it could be out of range, which must be rejected even when skipped.
    mutating func skipNumber() throws(JSONFailure) {
        let start = position
        var p = position
        if base[p] == UInt8(ascii: "-") { p += 1 }
        let integerStart = p
        while p < end, base[p] &- 0x30 < 10 { p += 1 }
        let integerDigits = p - integerStart
        let malformed = integerDigits == 0 || (integerDigits > 1 && base[integerStart] == UInt8(ascii: "0"))
        var exponentSeen = false
        if !malformed, p < end, base[p] == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while p < end, base[p] &- 0x30 < 10 { p += 1 }
            if p == fractionStart { position = start; _ = try scanNumber(); return }
        }
        if !malformed, p < end, base[p] | 0x20 == UInt8(ascii: "e") { exponentSeen = true }
        // Leading zeros, exponents (possible overflow) and errors take the full path, which
        // reports them exactly as when the value is read.
        if malformed || exponentSeen || integerDigits > 300 {
            position = start
            _ = try scanNumber()
            return
        }
        position = p
    }

    /// `strtod` on a NUL-terminated copy of the number's text; rejects overflow to infinity.
    private func slowNumber(start: Int, end stop: Int) throws(JSONFailure) -> Double {
        let count = stop - start
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for offset in 0..<count { buffer[offset] = CChar(bitPattern: base[start + offset]) }
            buffer[count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        guard value.isFinite else { throw failure("number \(text(from: start)) is out of range") }
        return value
    }
}
