// Query vectors from files: a JSON array of numbers, or a NumPy .npy holding float32.
import Foundation
import SegGraph

enum VectorFile {
    static func read(_ path: String) throws -> [Float] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError(.notFound, "\(path): cannot open")
        }
        if path.hasSuffix(".npy") { return try npy(data, path: path) }
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [Any],
              case let numbers = array.compactMap({ ($0 as? NSNumber)?.floatValue }), numbers.count == array.count, !numbers.isEmpty else {
            throw StoreError(.invalidArgument, "\(path): expected a JSON array of numbers")
        }
        return numbers
    }

    /// .npy version 1/2/3: magic, version, header length, a Python dict header, raw data.
    private static func npy(_ data: Data, path: String) throws -> [Float] {
        let bytes = [UInt8](data)
        guard bytes.count > 10, bytes[0] == 0x93, String(decoding: bytes[1..<6], as: UTF8.self) == "NUMPY" else {
            throw StoreError(.invalidArgument, "\(path): not a .npy file")
        }
        let major = bytes[6]
        let headerLength = major == 1 ? Int(bytes[8]) | Int(bytes[9]) << 8
            : Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        let start = (major == 1 ? 10 : 12)
        guard start + headerLength <= bytes.count else { throw StoreError(.invalidArgument, "\(path): truncated .npy header") }
        let header = String(decoding: bytes[start..<start + headerLength], as: UTF8.self)
        guard header.contains("'<f4'"), header.contains("'fortran_order': False") else {
            throw StoreError(.invalidArgument, "\(path): expected little-endian float32 (<f4), C order; header is \(header.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let payload = bytes[(start + headerLength)...]
        guard payload.count % 4 == 0, !payload.isEmpty else { throw StoreError(.invalidArgument, "\(path): data is not whole float32 values") }
        return payload.withUnsafeBytes { raw in (0..<raw.count / 4).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) } }
    }
}
