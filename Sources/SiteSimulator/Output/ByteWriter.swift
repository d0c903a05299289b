// A buffered file writer that formats numbers by hand. The benchmark site is ~600 MB of mostly
// numbers (≈ 60 M of them); String(format:) or JSONEncoder would dominate the run time, so
// digits go straight into a 4 MiB buffer that is handed to fwrite when full.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ByteWriter {
    private let file: UnsafeMutablePointer<FILE>
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 22
    private var count = 0
    let path: String
    private(set) var bytesWritten: Int64 = 0
    private var failed: Int32 = 0

    /// Opens (truncating) `path` for writing.
    /// - Throws: `SimulationError` `.cannotOpenFile` with errno.
    init(path: String) throws(SimulationError) {
        guard let handle = fopen(path, "wb") else {
            throw SimulationError(code: .cannotOpenFile, message: "cannot create output file",
                                  path: path, systemError: errno)
        }
        file = handle
        self.path = path
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        fclose(file)
        buffer.deallocate()
    }

    /// Flushes everything and reports the first write error.
    /// - Throws: `SimulationError` `.writeFailed` with errno.
    func finish() throws(SimulationError) {
        flush()
        if fflush(file) != 0, failed == 0 { failed = errno }
        if failed != 0 {
            throw SimulationError(code: .writeFailed, message: "cannot write output file",
                                  path: path, systemError: failed)
        }
    }

    private func flush() {
        guard count > 0 else { return }
        if fwrite(buffer, 1, count, file) != count, failed == 0 { failed = errno }
        bytesWritten += Int64(count)
        count = 0
    }

    /// Makes room for `bytes` more bytes (≤ capacity).
    @inline(__always)
    private func reserve(_ bytes: Int) {
        if count + bytes > capacity { flush() }
    }

    @inline(__always)
    func write(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        reserve(n)
        (buffer + count).update(from: text.utf8Start, count: n)
        count += n
    }

    @inline(__always)
    func write(byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    /// Writes a JSON string literal, escaping quotes, backslashes and control characters.
    func write(string: String) {
        write(byte: UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                write(byte: UInt8(ascii: "\\"))
                write(byte: byte)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                write("\\u00")
                write(byte: hex[Int(byte >> 4)])
                write(byte: hex[Int(byte & 15)])
            default:
                write(byte: byte)
            }
        }
        write(byte: UInt8(ascii: "\""))
    }

    /// Writes text that is known to need no escaping (generated ASCII identifiers).
    func write(raw text: String) {
        for byte in text.utf8 { write(byte: byte) }
    }

    /// Writes a non-negative integer left-padded with zeros to at least `width` digits.
    @inline(__always)
    func write(int value: Int, width: Int = 1) {
        reserve(24 + width)
        if value < 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
            writeDigits(UInt64(-value), width: width)
        } else {
            writeDigits(UInt64(value), width: width)
        }
    }

    /// Fixed-point decimal with exactly `decimals` digits after the point (≤ 6), rounded half
    /// away from zero; "-0.0000" is written as "0.0000" so output never depends on the sign of 0.
    @inline(__always)
    func write(_ value: Double, decimals: Int) {
        reserve(32)
        let scale = powersOfTen[decimals]
        var scaled = (abs(value) * Double(scale)).rounded()
        if !scaled.isFinite || scaled > 9.0e15 { scaled = 0 }
        let units = UInt64(scaled)
        if value < 0, units != 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        writeDigits(units / scale, width: 1)
        if decimals > 0 {
            buffer[count] = UInt8(ascii: ".")
            count += 1
            writeDigits(units % scale, width: decimals)
        }
    }

    /// Seconds on the millisecond grid: up to three decimals, trailing zeros dropped but one kept
    /// ("10.2", "31.65", "7.0").
    func write(seconds value: Double) {
        var millis = Int((value * 1000).rounded())
        if millis < 0 {
            write(byte: UInt8(ascii: "-"))
            millis = -millis
        }
        write(int: millis / 1000)
        write(byte: UInt8(ascii: "."))
        var fraction = millis % 1000, digits = 3
        while digits > 1, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        write(int: fraction, width: digits)
    }

    /// Decimal digits of `value`, zero-padded to `width`; the caller has reserved the room.
    @inline(__always)
    private func writeDigits(_ value: UInt64, width: Int) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        let n = max(digits, width)
        var v = value
        var i = count + n - 1
        for _ in 0..<n {
            buffer[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
            v /= 10
            i -= 1
        }
        count += n
    }
}

private let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]
