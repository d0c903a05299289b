// The native segment JSON importer: documents, bare arrays and JSON Lines (see DESIGN.md,
// "Input: segments"). The file is memory-mapped and parsed in one streaming pass; each segment
// is validated, handed to the consumer and forgotten, so memory does not grow with the file.
import SegGraphModel

/// Reads a native segment file and pushes its sources and segments into a consumer.
///
/// Errors are `ImportError`s naming `displayName`, a line and/or JSON path, and the reason;
/// errors thrown by the consumer propagate unchanged.
public struct NativeImporter: Sendable {
    public let path: String
    /// The file as the user typed it; used in error messages.
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// Imports the whole file, calling `consume(source:)` before each source's first segment.
    ///
    /// - Throws: `ImportError` for unreadable, empty, malformed or invalid input (the first
    ///   problem found); whatever `consumer` throws.
    /// - Complexity: O(file size); memory O(largest segment + number of segment ids).
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        let file = try MappedFile.forImport(path, displayName: displayName)
        return try file.withBytes { bytes in
            let start = Self.contentStart(bytes)
            guard start < bytes.count else {
                throw ImportError(file: displayName, location: nil, reason: "file is empty")
            }
            let format: InputFormat
            if let forced = options.format {
                format = forced
            } else if let detected = Self.detectFormat(bytes: bytes, fileName: displayName) {
                format = detected
            } else {
                let found = JSONReader.describe(bytes[start])
                throw ImportError(file: displayName, location: nil,
                                  reason: "unknown format: expected '{' or '[' at the start, found \(found)")
            }
            var session = ImportSession(importer: self, format: format, bytes: bytes)
            var reader = JSONReader(bytes: bytes)
            reader.position = Self.byteOrderMarkLength(bytes)
            switch format {
            case .document: try session.importDocument(&reader, into: &consumer)
            case .array: try session.importArray(&reader, into: &consumer)
            case .jsonLines: try session.importLines(&reader, into: &consumer)
            case .mot, .cvat, .cocoVid, .ultralytics:
                // Forced foreign formats are routed by AnyImporter; reaching here is a caller's slip
                // that a user can trigger with --format, so it is reported, not asserted.
                throw ImportError(file: displayName, location: nil,
                                  reason: "format \(format.rawValue) is not a native format (use AnyImporter)")
            }
            return session.report
        }
    }

    /// Offset of the first byte that is neither a byte-order mark nor whitespace.
    static func contentStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        var index = byteOrderMarkLength(bytes)
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index
    }

    static func byteOrderMarkLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}
