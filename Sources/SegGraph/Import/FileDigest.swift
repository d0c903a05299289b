// SHA-256 of a file, read in chunks so memory stays flat for any file size.
internal import Crypto
internal import Foundation
public import SegGraphModel

enum FileDigest {
    static let chunkBytes = 4 << 20

    /// The digest bytes and the file size.
    static func sha256(path: String, displayName: String) throws -> (digest: [UInt8], byteCount: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot open: permission denied" : "cannot open: No such file or directory"
            throw ImportError(file: displayName, location: nil, reason: reason)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: chunkBytes) ?? Data() } catch {
                throw ImportError(file: displayName, location: nil, reason: "cannot read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            total += chunk.count
        }
        return (Array(hasher.finalize()), total)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
