// SHA-256 of a file. Read through 64 MiB mmap windows: no copy into user memory, and
// each window is unmapped before the next so resident memory stays flat for any size.
internal import Crypto
internal import Foundation
internal import Glibc
public import SegGraphModel

enum FileDigest {
    static let windowBytes = 64 << 20

    /// The digest bytes and the file size.
    static func sha256(path: String, displayName: String) throws -> (digest: [UInt8], byteCount: Int) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)  // a FIFO must not block the open
        guard descriptor >= 0 else {
            throw ImportError(file: displayName, location: nil, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ImportError(file: displayName, location: nil, reason: "cannot read: not a regular file")
        }
        let size = Int(info.st_size)
        var hasher = SHA256()
        var offset = 0
        while offset < size {
            let length = min(windowBytes, size - offset)
            guard let window = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, off_t(offset)), window != MAP_FAILED else {
                throw ImportError(file: displayName, location: nil, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            madvise(window, length, MADV_SEQUENTIAL)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: window, count: length))
            munmap(window, length)
            offset += length
        }
        return (Array(hasher.finalize()), size)
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
