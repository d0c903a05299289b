// `seqinfo.ini`, the MOTChallenge sequence description that sits in the sequence folder
// (`MOT17-02/seqinfo.ini` beside `gt/gt.txt` and `det/det.txt`):
//
//     [Sequence]
//     name=MOT17-02
//     frameRate=30
//     seqLength=600
//     imWidth=1920
//     imHeight=1080
import Foundation
import SegGraphModel

/// What `seqinfo.ini` says about a sequence; every field optional.
struct SequenceInfo: Equatable {
    var name: String?
    var framesPerSecond: Double?
    var frameCount: Int?
    var width: Int?
    var height: Int?

    /// Finds `seqinfo.ini` beside the file at `path` or in its parent folder and parses it.
    /// - Parameter displayName: the data file as the user named it; errors name the ini file
    ///   relative to it.
    /// - Returns: `nil` when neither place has one.
    static func find(near path: String, displayName: String) throws(ImportError) -> SequenceInfo? {
        let directory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        let displayDirectory = (displayName as NSString).deletingLastPathComponent
        for (folder, relative) in [(directory, "seqinfo.ini"), (directory.deletingLastPathComponent(), "../seqinfo.ini")] {
            let url = folder.appendingPathComponent("seqinfo.ini")
            guard FileManager.default.isReadableFile(atPath: url.path) else { continue }
            let shown = displayDirectory.isEmpty ? relative : displayDirectory + "/" + relative
            return try parse(contentsOf: url, displayName: shown)
        }
        return nil
    }

    static func parse(contentsOf url: URL, displayName: String) throws(ImportError) -> SequenceInfo {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(file: displayName, location: nil, reason: "cannot read: \(error.localizedDescription)")
        }
        guard data.count <= ImportLimits.sideFileBytesMax else {
            throw ImportError(file: displayName, location: nil, reason: "larger than \(ImportLimits.sideFileBytesMax) bytes")
        }
        return try parse(String(decoding: data, as: UTF8.self), displayName: displayName)
    }

    /// Reads `key=value` lines of the `[Sequence]` section; other sections, comments (`;`, `#`)
    /// and unknown keys are ignored.
    static func parse(_ text: String, displayName: String) throws(ImportError) -> SequenceInfo {
        var info = SequenceInfo()
        var inSequence = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                inSequence = line.lowercased() == "[sequence]"
                continue
            }
            guard inSequence, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingSpaces
            let value = line[line.index(after: equals)...].trimmingSpaces
            try info.set(String(key), String(value), line: index + 1, displayName: displayName)
        }
        return info
    }

    private mutating func set(_ key: String, _ value: String, line: Int, displayName: String) throws(ImportError) {
        func positive(_ text: String) throws(ImportError) -> Double {
            guard let number = Double(text), number.isFinite, number > 0 else {
                throw ImportError(displayName, line: line, field: key, "expected a positive number, found \"\(text)\"")
            }
            return number
        }
        func count(_ text: String) throws(ImportError) -> Int {
            guard let number = Int(text), number > 0 else {
                throw ImportError(displayName, line: line, field: key, "expected a positive integer, found \"\(text)\"")
            }
            return number
        }
        switch key {
        case "name": name = value.isEmpty ? nil : value
        case "frameRate": framesPerSecond = try positive(value)
        case "seqLength": frameCount = try count(value)
        case "imWidth": width = try count(value)
        case "imHeight": height = try count(value)
        default: break
        }
    }
}
