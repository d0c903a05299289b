// Goal: the pull parser's primitives are exact — numbers round exactly like a correct
// decimal-to-double conversion on both the fast path and the strtod path, strings decode
// escapes and reject bad UTF-8, skipping validates syntax, and lines/columns are right.
// Method: parse generated and hand-picked inputs with `JSONReader` and compare with Swift's
// own `Double(String)` (correctly rounded) and with expected failures.
@testable import Importers
import Testing

/// Runs `body` with a reader over `text`.
func withReader<R>(_ text: String, _ body: (inout JSONReader) throws -> R) rethrows -> R {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { buffer in
        var reader = JSONReader(bytes: buffer)
        return try body(&reader)
    }
}

@Suite struct JSONReaderTests {
    @Test(arguments: ["0", "-0", "1", "-17", "0.1", "3.14159", "1e22", "1e23", "123456789012345",
                      "1234567890123456", "12345678901234567890123", "0.000001234", "1.7976931348623157e308",
                      "5e-324", "2.2250738585072014e-308", "9007199254740993", "0.30000000000000004",
                      "-0.12345678", "1E+2", "4.9406564584124654e-324", "123.456e-7"])
    func numberMatchesCorrectRounding(_ text: String) throws {
        let value = try withReader(text) { try $0.readDouble() }
        #expect(value.bitPattern == Double(text)!.bitPattern)
    }

    @Test func randomEightDigitFloatsAreExact() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let mantissa = Int(generator.next() % 100_000_000)
            let exponent = Int(generator.next() % 40) - 20
            let text = "\(generator.next() % 2 == 0 ? "-" : "")\(mantissa)e\(exponent)"
            let value = try withReader(text) { try $0.readDouble() }
            #expect(value == Double(text)!, "\(text)")
        }
    }

    @Test(arguments: [("01", "invalid JSON: unexpected data after the top-level value"),
                      ("1.", "invalid JSON: unexpected end of file"),
                      ("-", "invalid JSON: unexpected end of file"),
                      ("1.e5", "invalid JSON: invalid number"),
                      ("NaN", "NaN is not allowed"),
                      ("Infinity", "Infinity is not allowed"),
                      ("-Infinity", "-Infinity is not allowed"),
                      ("\"1\"", "expected a number, found a string")])
    func badNumbers(_ text: String, _ reason: String) {
        let failure = #expect(throws: JSONFailure.self) {
            try withReader(text) { reader in
                _ = try reader.readDouble()
                reader.skipWhitespace()
                if !reader.atEnd { throw reader.syntaxError("unexpected data after the top-level value") }
            }
        }
        #expect(failure?.reason == reason)
    }

    @Test func stringsDecodeEscapesAndValidateUTF8() throws {
        let text = try withReader(#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#) { try $0.readString(maxBytes: 100) }
        #expect(text == "a\"b\\c/d\né😀")
        let bad: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONFailure.self) {
            try bad.withUnsafeBytes { buffer in
                var reader = JSONReader(bytes: buffer)
                _ = try reader.readString(maxBytes: 10)
            }
        }
        #expect(throws: JSONFailure.self) { try withReader(#""\ud83d""#) { try $0.readString(maxBytes: 10) } }
        #expect(throws: JSONFailure.self) { try withReader(#""abcdef""#) { try $0.readString(maxBytes: 3) } }
    }

    @Test func skipAndCaptureKeepOriginalText() throws {
        let text = #"{"a": [1, {"b": null}, "x\"y", true], "c": -2.5e3} , 7"#
        let captured = try withReader(text) { reader in
            let range = try reader.captureValue()
            return String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
        #expect(captured == #"{"a": [1, {"b": null}, "x\"y", true], "c": -2.5e3}"#)
    }

    @Test(arguments: [("[1.5, -0.25, 0, 12e-3, true, null]", nil),
                      ("[01]", "invalid JSON: expected ',' or ']' after array element"),
                      ("[1e999]", "number 1e999 is out of range"),
                      ("[-]", "invalid JSON: invalid number"),
                      ("[1.]", "invalid JSON: invalid number"),
                      ("[NaN]", "NaN is not allowed")])
    func skippedNumbersAreStillChecked(_ text: String, _ reason: String?) {
        let failure = withReader(text) { reader -> String? in
            do throws(JSONFailure) { try reader.skipValue(); return nil } catch { return error.reason }
        }
        #expect(failure == reason)
    }

    @Test func skipReportsNestedPathLineAndColumn() {
        let text = "{\"a\": [1,\n  {\"b\": tru}]}"
        let message = withReader(text) { reader -> String in
            do throws(JSONFailure) { try reader.skipValue(); return "no error" } catch {
                return "\(error.line):\(error.column ?? 0) \(reader.renderPath()) \(error.reason)"
            }
        }
        #expect(message == "2:9 $.a[1].b invalid JSON: invalid literal, expected true")
    }

    @Test func nestingDepthIsBounded() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let failure = #expect(throws: JSONFailure.self) { try withReader(deep) { try $0.skipValue() } }
        #expect(failure?.reason == "nesting is deeper than 256 levels")
    }

    @Test func oddKeysRenderBracketed() throws {
        let path = try withReader(#"{"a b": {"ok_1": [0, 1]}}"#) { reader -> String in
            try reader.enterObject()
            var first = true
            _ = try reader.nextKey(&first)
            try reader.enterObject()
            var inner = true
            _ = try reader.nextKey(&inner)
            return reader.renderPath()
        }
        #expect(path == #"$["a b"].ok_1"#)
    }
}

/// Deterministic generator for reproducible random inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
