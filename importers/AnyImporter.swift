// The single entry point for every input format: detects the format from content (unless
// forced) and runs the importer that reads it.
import SegGraphModel

/// Imports a file of any supported format into a consumer.
///
/// Formats: the native segment JSON (`NativeImporter`), MOTChallenge text (`MOTImporter`),
/// CVAT for video 1.1 XML (`CVATImporter`), COCO-VID / TAO / YouTube-VIS JSON
/// (`COCOVIDImporter`) and Ultralytics tracking JSON (`UltralyticsImporter`). Detection rules:
/// `FormatDetector.detect`.
public struct AnyImporter: Sendable {
    public let path: String
    /// The file as the user typed it; used in error messages.
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// `options.format`, else the detected format.
    /// - Returns: `nil` when nothing matches (`run` then reports why).
    /// - Throws: `ImportError` when the file cannot be opened.
    public func format() throws -> InputFormat? {
        if let forced = options.format { return forced }
        let file = try MappedFile.forImport(path, displayName: displayName)
        guard file.byteCount > 0 else { return nil }
        return file.withBytes { FormatDetector.detect(bytes: $0, fileName: displayName) }
    }

    /// Imports the whole file with the importer of its format.
    /// - Throws: `ImportError` for unreadable, empty, unrecognised, malformed or invalid input;
    ///   whatever `consumer` throws.
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        var forced = options
        guard let format = try format() else {
            // Empty files and JSON-looking files get the native importer's precise messages.
            if try startsLikeJSON() { return try NativeImporter(path: path, displayName: displayName, options: options).run(into: &consumer) }
            throw ImportError(file: displayName, location: nil, reason: "unknown format: not segment JSON, MOTChallenge text, CVAT XML, COCO-VID or Ultralytics JSON; force one with --format")
        }
        forced.format = format
        switch format {
        case .document, .array, .jsonLines:
            return try NativeImporter(path: path, displayName: displayName, options: forced).run(into: &consumer)
        case .mot: return try MOTImporter(path: path, displayName: displayName, options: forced).run(into: &consumer)
        case .cvat: return try CVATImporter(path: path, displayName: displayName, options: forced).run(into: &consumer)
        case .cocoVid: return try COCOVIDImporter(path: path, displayName: displayName, options: forced).run(into: &consumer)
        case .ultralytics: return try UltralyticsImporter(path: path, displayName: displayName, options: forced).run(into: &consumer)
        }
    }

    /// Empty, or `{` / `[` first: the native importer explains what is wrong best.
    private func startsLikeJSON() throws -> Bool {
        let file = try MappedFile.forImport(path, displayName: displayName)
        return file.withBytes { bytes in
            let start = NativeImporter.contentStart(bytes)
            return start >= bytes.count || bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[")
        }
    }
}
