// MOTChallenge 2D text (`gt.txt`, tracker results): one box per line, grouped into one
// segment per track id (split at long gaps). The file is read whole because MOT files are
// sorted by frame (results) or by id (MOT16+ ground truth), and a track is only complete at
// the end; they are small (MOT17's largest gt is ~2 MB).
import Foundation
import SegGraphModel

/// Reads a MOTChallenge 2D file and pushes one source and its track segments into a consumer.
///
/// Naming, chosen to match SegGraph's own MOT conversions (`TUD-Campus-gt-0001`):
/// - sequence = `name` in `seqinfo.ini`, else the folder holding the file (its parent when
///   that folder is `gt` or `det`, as in `MOT17-02/gt/gt.txt`);
/// - segment id = `<sequence>-<file stem>-<track id, 4 digits>`, plus `-1`, `-2`… when a
///   track is split at gaps longer than `options.trackGapFramesMax`;
/// - source = `options.sourceNameOverride`, else the sequence.
///
/// Frame rate: `options.framesPerSecond`, else `frameRate` in `seqinfo.ini`, else an error.
/// Times: `(frame − 1) / fps` (MOT frames are 1-based). Type `object_appearance`; label
/// `person`, or in nine-field MOT16+ ground truth the name of the track's first class (`car`,
/// `static_person`…). Confidence = mean of the rows' `conf` (`-1` = unknown, skipped; `nil`
/// when all are unknown, and in nine-field ground truth where `conf` is a 0/1 flag).
/// Attributes `{"track_id": <id>}`.
public struct MOTImporter: Sendable {
    public let path: String
    public let displayName: String
    public let options: ImportOptions

    public init(path: String, displayName: String, options: ImportOptions) {
        self.path = path
        self.displayName = displayName
        self.options = options
    }

    /// Imports the whole file.
    /// - Throws: `ImportError` naming the file, line and field for the first bad row, or the
    ///   whole file when the frame rate is unknown; whatever `consumer` throws.
    /// - Complexity: O(n log n) in rows; memory O(rows), at most `ImportLimits.bufferedBoxesMax`.
    public func run(into consumer: inout some SegmentConsumer) throws -> ImportReport {
        let (text, byteCount) = try readText()
        let rows = try parseRows(text)
        let info = try SequenceInfo.find(near: path, displayName: displayName)
        let fps = try framesPerSecond(info)
        let sequence = info?.name ?? Self.sequenceFolderName(path)
        let source = SourceInput(name: options.sourceNameOverride ?? sequence, framesPerSecond: fps,
                                 width: info?.width, height: info?.height)
        let prefix = sequence + "-" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let tracks = try MOTTracks(rows: rows, displayName: displayName)
        var delivery = SegmentDelivery(displayName: displayName, format: .mot, byteCount: byteCount)
        try delivery.deliver(source: source, into: &consumer)
        let gapFramesMax = options.trackGapFramesMax(framesPerSecond: fps)
        for segment in tracks.segments(idPrefix: prefix, framesPerSecond: fps, gapFramesMax: gapFramesMax) {
            try delivery.deliver(segment, source: source, into: &consumer)
        }
        return delivery.report
    }

    private func readText() throws(ImportError) -> (String, Int) {
        let file = try MappedFile.forImport(path, displayName: displayName, requireContent: true)
        let text = file.withBytes { String(decoding: $0, as: UTF8.self) }
        return (text, file.byteCount)
    }

    private func parseRows(_ text: String) throws(ImportError) -> [MOTRow] {
        var rows: [MOTRow] = []
        // `isNewline` treats "\r\n" as one separator, so Windows line ends count one line.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            guard rows.count < ImportLimits.bufferedBoxesMax else {
                throw ImportError(displayName, line: index + 1, field: "line", "more than \(ImportLimits.bufferedBoxesMax) rows")
            }
            do { rows.append(try MOTRowParser.parse(trimmed, line: index + 1)) } catch {
                throw ImportError(displayName, line: error.line, field: error.field, error.reason)
            }
        }
        guard !rows.isEmpty else { throw ImportError(file: displayName, location: nil, reason: "no rows") }
        return rows
    }

    private func framesPerSecond(_ info: SequenceInfo?) throws(ImportError) -> Double {
        if let given = options.framesPerSecond {
            guard given.isFinite, given > 0 else {
                throw ImportError(file: displayName, location: nil, reason: "frame rate must be positive, got \(given)")
            }
            return given
        }
        if let fps = info?.framesPerSecond { return fps }
        throw ImportError(file: displayName, location: nil,
                          reason: "frame rate unknown: no seqinfo.ini with frameRate beside the file or in its parent folder; give it with --fps")
    }

    /// `…/TUD-Campus/gt.txt` → `TUD-Campus`; `…/MOT17-02/gt/gt.txt` → `MOT17-02`.
    static func sequenceFolderName(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        if ["gt", "det"].contains(folder.lastPathComponent) {
            return folder.deletingLastPathComponent().lastPathComponent
        }
        return folder.lastPathComponent
    }
}
