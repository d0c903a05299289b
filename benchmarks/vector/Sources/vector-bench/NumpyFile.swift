// Reads the .npy files written by benchmarks/peers/hnswlib_bench.py (NumPy format 1.0/2.0,
// little-endian float32 or int32, C order, two dimensions). Only what the benchmark needs.
import Foundation

struct NumpyMatrix<Element> {
    var rows: Int
    var columns: Int
    var values: [Element]

    func row(_ index: Int) -> ArraySlice<Element> {
        values[index * columns..<(index + 1) * columns]
    }
}

enum NumpyError: Error, CustomStringConvertible {
    case malformed(path: String, reason: String)
    var description: String {
        switch self {
        case let .malformed(path, reason): "\(path): not a supported .npy file: \(reason)"
        }
    }
}

/// Loads a 2-D little-endian array whose dtype descriptor is `descr` ("<f4" or "<i4").
func loadNumpy<Element>(_ path: String, descr: String, as: Element.Type) throws -> NumpyMatrix<Element> {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard data.count > 10, data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8) else {
        throw NumpyError.malformed(path: path, reason: "bad magic")
    }
    let major = data[6]
    let headerLength = major == 1
        ? Int(data[8]) | Int(data[9]) << 8
        : Int(data[8]) | Int(data[9]) << 8 | Int(data[10]) << 16 | Int(data[11]) << 24
    let headerStart = major == 1 ? 10 : 12
    let header = String(decoding: data[headerStart..<headerStart + headerLength], as: UTF8.self)
    guard header.contains("'descr': '\(descr)'"), header.contains("'fortran_order': False") else {
        throw NumpyError.malformed(path: path, reason: "want \(descr), C order; header \(header)")
    }
    guard let open = header.firstIndex(of: "("), let close = header.firstIndex(of: ")") else {
        throw NumpyError.malformed(path: path, reason: "no shape")
    }
    let shape = header[header.index(after: open)..<close].split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard shape.count == 2 else { throw NumpyError.malformed(path: path, reason: "not 2-D") }
    let payload = data[(headerStart + headerLength)...]
    let count = shape[0] * shape[1]
    guard payload.count == count * MemoryLayout<Element>.stride else {
        throw NumpyError.malformed(path: path, reason: "size mismatch")
    }
    let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
        _ = payload.copyBytes(to: buffer)
        initialized = count
    }
    return NumpyMatrix(rows: shape[0], columns: shape[1], values: values)
}
