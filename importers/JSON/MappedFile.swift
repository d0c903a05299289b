// A read-only memory map of an input file. The importer parses straight from the map, so
// nothing is copied and the parser can jump backwards (e.g. to find `source` after `segments`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import SegGraphModel

/// Owns one `mmap` of a whole file; unmapped on deinit.
/// Bytes are only lent out inside `withBytes`, so no pointer outlives the mapping.
final class MappedFile {
    let byteCount: Int
    private let address: UnsafeMutableRawPointer?

    /// Opens and maps `path`. An empty file maps nothing (`byteCount == 0`).
    /// - Throws: `MappedFileError` with the `strerror` text of the failing call.
    init(path: String) throws(MappedFileError) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is then refused below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw MappedFileError(operation: "open", errno: errno) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw MappedFileError(operation: "stat", errno: errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw MappedFileError(operation: "open", message: "not a regular file")
        }
        byteCount = Int(status.st_size)
        guard byteCount > 0 else { address = nil; return }
        let mapped = mmap(nil, byteCount, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw MappedFileError(operation: "mmap", errno: errno)
        }
        // Parsing is one forward pass: let the kernel read ahead aggressively.
        _ = madvise(mapped, byteCount, MADV_SEQUENTIAL)
        address = mapped
    }

    deinit {
        if let address { munmap(address, byteCount) }
    }

    /// Lends the mapped bytes; the buffer must not escape `body`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: address, count: byteCount))
    }
}

/// Why a file could not be mapped, in the words of the C library.
struct MappedFileError: Error {
    var operation: String
    var message: String

    init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    init(operation: String, errno code: Int32) {
        self.init(operation: operation, message: String(cString: strerror(code)))
    }

    /// `cannot open: No such file or directory`.
    var reason: String { "cannot \(operation): \(message)" }
}

/// Gives back pages of the map that the parser has passed, so a 700 MB file does not
/// become 700 MB of resident memory. File-backed private pages that were never written are
/// simply dropped; touching them again (an error path, a key name) re-reads them from disk.
struct PageReleaser {
    private let base: UnsafeRawPointer?
    private let enabled: Bool
    private var releasedUpTo = 0
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress
        enabled = bytes.count > ImportLimits.pageReleaseThresholdBytes
    }

    /// Releases whole pages before `offset` once a stride's worth has accumulated.
    @inline(__always)
    mutating func advance(to offset: Int) {
        guard enabled, offset - releasedUpTo >= ImportLimits.pageReleaseStrideBytes else { return }
        release(upTo: offset)
    }

    private mutating func release(upTo offset: Int) {
        guard let base else { return }
        let end = offset / pageSize * pageSize
        guard end > releasedUpTo else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + releasedUpTo), end - releasedUpTo,
                    MADV_DONTNEED)
        releasedUpTo = end
    }
}

extension MappedFile {
    /// Maps `path` for an importer: a failure becomes the one-line `ImportError` that names
    /// the file as the user gave it. With `requireContent`, an empty file is refused too.
    static func forImport(_ path: String, displayName: String, requireContent: Bool = false) throws(ImportError) -> MappedFile {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch {
            throw ImportError(file: displayName, location: nil, reason: error.reason)
        }
        if requireContent && file.byteCount == 0 {
            throw ImportError(file: displayName, location: nil, reason: "file is empty")
        }
        return file
    }
}
