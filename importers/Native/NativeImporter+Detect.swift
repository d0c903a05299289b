// Format detection from content. Only the first top-level value's first keys are examined,
// so detection costs almost nothing even for huge files.
import SegGraphModel

extension NativeImporter {
    /// Detects the format of a file's contents.
    ///
    /// `[` → `.array`. `{` → `.document` when the object has a top-level `segments` key,
    /// `.jsonLines` when it looks like a segment (or `fileName` ends in `.jsonl`/`.ndjson`, a
    /// strong hint). Otherwise a `{` file is treated as a document, so its errors read well.
    /// - Returns: `nil` when the content starts with neither `{` nor `[` (or is empty).
    public static func detectFormat(bytes: UnsafeRawBufferPointer, fileName: String) -> InputFormat? {
        let start = contentStart(bytes)
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "{"): break
        default: return nil
        }
        let lower = fileName.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
        var reader = JSONReader(bytes: bytes)
        reader.position = start
        return firstObjectShape(&reader) ?? .document
    }

    /// Detects the format of the file at `path` (reads through a memory map).
    /// - Throws: `ImportError` when the file cannot be opened.
    public static func detectFormat(path: String, displayName: String) throws -> InputFormat? {
        let file = try MappedFile.forImport(path, displayName: displayName)
        return file.withBytes { detectFormat(bytes: $0, fileName: displayName) }
    }

    /// Walks the first object's top-level keys: `segments` means document; segment fields
    /// mean JSON Lines. A syntax error ends the walk with what was seen so far.
    private static func firstObjectShape(_ reader: inout JSONReader) -> InputFormat? {
        var sawSegmentField = false
        do {
            try reader.enterObject()
            var first = true
            while let key = try reader.nextKey(&first) {
                if reader.token(key, is: "segments") { return .document }
                if reader.token(key, is: "segment_id") || reader.token(key, is: "label")
                    || reader.token(key, is: "start_time_sec") { sawSegmentField = true }
                try reader.skipValue()
            }
        } catch {
            return sawSegmentField ? .jsonLines : nil
        }
        if sawSegmentField { return .jsonLines }
        // Another object on a following line also means JSON Lines.
        reader.skipWhitespace()
        return reader.peek() == UInt8(ascii: "{") ? .jsonLines : nil
    }
}
