// A buffered output file for exports. Exports stream: text is appended to a 1 MiB buffer
// that is written out when full, so memory stays flat however large the store is.
internal import Glibc

final class ExportFile {
    static let bufferBytes = 1 << 20
    let path: String
    private var handle: UnsafeMutablePointer<FILE>?
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []

    /// Opens `path` for writing (truncating it); `-` is standard output.
    /// - Throws: `ExportError` naming the path and the system's reason.
    init(path: String) throws {
        self.path = path
        if path == "-" {
            // A FILE of its own for fd 1 (Glibc's `stdout` global is not concurrency-safe).
            handle = fdopen(STDOUT_FILENO, "w")
            ownsHandle = false
        } else {
            handle = fopen(path, "w")
            ownsHandle = true
            guard handle != nil else {
                throw ExportError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
        }
        buffer.reserveCapacity(Self.bufferBytes + 4096)
    }

    deinit { if ownsHandle, let handle { fclose(handle) } }

    func append(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.bufferBytes { try flush() }
    }

    func append(byte: UInt8) { buffer.append(byte) }

    /// Writes the buffer out; call `close()` at the end.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == buffer.count else {
            throw ExportError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; errors from the last write (disk full) surface here.
    func close() throws {
        try flush()
        guard ownsHandle, let open = handle else { fflush(handle); return }
        handle = nil
        guard fclose(open) == 0 else {
            throw ExportError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
