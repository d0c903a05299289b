// Which importer reads a file, decided from the first bytes (at most `sniffBytesMax` for text
// and XML; JSON detection reads only the first keys / first element it needs).
import SegGraphModel

/// Content-based format detection across every importer.
public enum FormatDetector {
    /// Bytes looked at for MOT lines and the CVAT root element.
    static let sniffBytesMax = 64 * 1024
    /// MOT lines checked (all must look like MOT rows).
    static let motLinesChecked = 5

    /// Detects the format of `bytes`.
    ///
    /// - `<` … `<annotations` → `.cvat`;
    /// - lines of ≥ 6 comma-separated numbers → `.mot`;
    /// - `{` whose top level has `videos` → `.cocoVid`, `frames` or `detections` → `.ultralytics`;
    /// - `[` whose first element is an array, or an object with `box` and `name` → `.ultralytics`;
    /// - otherwise `NativeImporter.detectFormat` (document, array, JSON Lines).
    /// - Returns: `nil` when nothing matches.
    public static func detect(bytes: UnsafeRawBufferPointer, fileName: String) -> InputFormat? {
        let start = NativeImporter.contentStart(bytes)
        guard start < bytes.count else { return nil }
        let sniff = UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + sniffBytesMax)])
        switch bytes[start] {
        case UInt8(ascii: "<"): return looksLikeCVAT(sniff) ? .cvat : nil
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return looksLikeMOT(sniff) ? .mot : nil
        case UInt8(ascii: "{"):
            if let format = objectFormat(bytes, start: start) { return format }
        case UInt8(ascii: "["):
            if firstElementIsDetections(bytes, start: start) { return .ultralytics }
        default: return nil
        }
        return NativeImporter.detectFormat(bytes: bytes, fileName: fileName)
    }

    /// An XML document whose root element is `<annotations>` (after the prolog and comments).
    static func looksLikeCVAT(_ sniff: UnsafeRawBufferPointer) -> Bool {
        let text = String(decoding: sniff, as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[open...]
            if tag.hasPrefix("<?") || tag.hasPrefix("<!") {
                guard let close = tag.firstIndex(of: ">") else { return false }
                rest = tag[tag.index(after: close)...]
                continue
            }
            return tag.hasPrefix("<annotations>") || tag.hasPrefix("<annotations ")
        }
        return false
    }

    /// The first non-empty lines each hold 6 to 10 comma-separated numbers.
    static func looksLikeMOT(_ sniff: UnsafeRawBufferPointer) -> Bool {
        let text = String(decoding: sniff, as: UTF8.self)
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
        // The last line of the sniff window may be cut mid-number.
        if sniff.count == sniffBytesMax, lines.count > 1 { lines.removeLast() }
        let checked = lines.prefix(motLinesChecked)
        return !checked.isEmpty && checked.allSatisfy { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (MOTRow.fieldCountMin...MOTRow.fieldNames.count).contains(fields.count)
                && fields.allSatisfy { Double($0.trimmingSpaces)?.isFinite == true }
        }
    }

    /// `videos` → COCO-VID/YouTube-VIS; `frames` (wrapper) or `detections` (frame record) →
    /// Ultralytics; `segments` or `segment_id` → native.
    /// Stops at the first deciding key, so a huge `annotations` before `videos` is skipped once.
    static func objectFormat(_ bytes: UnsafeRawBufferPointer, start: Int) -> InputFormat? {
        var reader = JSONReader(bytes: bytes)
        reader.position = start
        do {
            try reader.enterObject()
            var first = true
            while let key = try reader.nextKey(&first) {
                if reader.token(key, is: "videos") { return .cocoVid }
                if reader.token(key, is: "frames") || reader.token(key, is: "detections") { return .ultralytics }
                if reader.token(key, is: "segments") || reader.token(key, is: "segment_id") { return nil }
                try reader.skipValue()
            }
        } catch {
            return nil
        }
        return nil
    }

    /// `[[…], …]` (frames of detections) or `[{"name": …, "box": …}, …]` (one frame).
    static func firstElementIsDetections(_ bytes: UnsafeRawBufferPointer, start: Int) -> Bool {
        var reader = JSONReader(bytes: bytes)
        reader.position = start
        do {
            try reader.enterArray()
            guard try reader.nextElement(0) else { return false }
            if reader.peek() == UInt8(ascii: "[") { return true }
            guard reader.peek() == UInt8(ascii: "{") else { return false }
            try reader.enterObject()
            var first = true
            var sawBox = false, sawName = false
            while let key = try reader.nextKey(&first) {
                if reader.token(key, is: "box") { sawBox = true }
                if reader.token(key, is: "name") { sawName = true }
                if sawBox && sawName { return true }
                try reader.skipValue()
            }
        } catch {
            return false
        }
        return false
    }
}
