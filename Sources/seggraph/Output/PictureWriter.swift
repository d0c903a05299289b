// Writes segments' pictures for `thumbnail` and `find --thumbnails/--sheet`: one file per
// segment into a folder, one named file, or one numbered contact sheet. The engine chooses
// frame and box (Store.thumbnailRequest) and owns the report (ThumbnailList); MediaProbe
// decodes and encodes; this file only decides where bytes go.
import ArgumentParser
import Foundation
import MediaProbe
import SegGraph

struct PictureWriter {
    /// Where the pictures go.
    enum Target {
        /// One picture, this file; its extension says the format.
        case file(String)
        /// One picture per segment, named SOURCE_SEGMENT.EXT, in this folder.
        case folder(String, PictureFormat)
        /// One contact sheet, this file, `columns` cells a row (nil: near-square).
        case sheet(String, columns: Int?)
    }

    /// Cells a contact sheet may hold (8 columns × 32 rows of 256-px cells is ~2 k × 8 k px).
    static let sheetCellsMax = 256

    var frame: Int?
    var margin: Double
    var maxSide: Int

    /// Writes the pictures of `segments` to `target`. A segment whose source has no video fails
    /// the command, unless `skippingWithoutVideo` (find: some sources may have none), where it
    /// is left out with a note.
    func write(_ segments: [String], from store: Store, to target: Target, skippingWithoutVideo: Bool = false) throws -> ThumbnailList {
        var requests: [ThumbnailRequest] = []
        var skipped: [String] = []
        for segment in segments {
            do {
                requests.append(try store.thumbnailRequest(for: segment, frame: frame))
            } catch let error as StoreError where skippingWithoutVideo && error.kind == .notFound {
                skipped.append(segment)
            }
        }
        var notes = skipped.isEmpty ? [] : ["\(skipped.count) of \(segments.count) segments have no picture (no video or no boxes), e.g. \(skipped[0])"]
        switch target {
        case .file(let path):
            try Self.createFolder(of: path)
            let format = PictureFormat(fileExtension: (path as NSString).pathExtension) ?? .jpeg
            let pictures = try requests.map { request in
                let bytes = try encode(request, format)
                try Self.save(bytes, to: path)
                return ThumbnailWritten(request: request, file: path, bytes: bytes.count)
            }
            return ThumbnailList(pictures: pictures, notes: notes)
        case .folder(let folder, let format):
            try Self.createFolder(folder)
            let pictures = try requests.map { request in
                let file = (folder as NSString).appendingPathComponent(
                    request.segmentName.replacingOccurrences(of: "/", with: "_") + "." + format.fileExtension)
                let bytes = try encode(request, format)
                try Self.save(bytes, to: file)
                return ThumbnailWritten(request: request, file: file, bytes: bytes.count)
            }
            if !pictures.isEmpty { notes.append("\(pictures.count) pictures in \(folder)") }
            return ThumbnailList(pictures: pictures, notes: notes)
        case .sheet(let path, let columns):
            guard !requests.isEmpty else { fail("\(path): no segment has a picture; no sheet written", ExitStatus.notFound) }
            guard requests.count <= Self.sheetCellsMax else {
                fail("\(path): \(requests.count) segments do not fit one sheet (at most \(Self.sheetCellsMax)); narrow the query or use a folder", ExitStatus.usage)
            }
            try Self.createFolder(of: path)
            let images = try requests.map { request in try image(request) }
            let sheet = ContactSheet.compose(images, columns: columns ?? ContactSheet.defaultColumns(count: images.count), cellSide: maxSide)
            let format = PictureFormat(fileExtension: (path as NSString).pathExtension) ?? .jpeg
            let bytes = try MediaProbe().encode(sheet, as: format, label: path)
            try Self.save(bytes, to: path)
            notes.append("sheet \(path): \(sheet.width)x\(sheet.height), cells numbered in the order of the rows")
            return ThumbnailList(pictures: requests.enumerated().map { index, request in
                ThumbnailWritten(request: request, file: path, bytes: bytes.count, cell: index + 1)
            }, notes: notes)
        }
    }

    /// Refuses a file name whose extension is not a picture format MediaProbe writes.
    static func requirePictureFile(_ path: String, option: String) throws {
        let ext = (path as NSString).pathExtension
        guard PictureFormat(fileExtension: ext) != nil else {
            // It used to write JPEG bytes into x.gif; a picture must be what its name says.
            throw ValidationError("\(option) \(path): the file name must end in .jpg, .jpeg or .png" + (ext.isEmpty ? "" : ", not .\(ext)"))
        }
    }

    private func encode(_ request: ThumbnailRequest, _ format: PictureFormat) throws -> [UInt8] {
        do {
            return try MediaProbe().thumbnail(path: request.videoPath, at: VideoProbing.position(request), box: VideoProbing.pixelBox(request),
                                              marginFraction: margin, maxSide: maxSide, format: format)
        } catch {
            fail("\(request.segmentName): \(error)", ExitStatus.failure)
        }
    }

    private func image(_ request: ThumbnailRequest) throws -> RGBImage {
        do {
            return try MediaProbe().thumbnailImage(path: request.videoPath, at: VideoProbing.position(request), box: VideoProbing.pixelBox(request),
                                                   marginFraction: margin, maxSide: maxSide, enlarging: true)
        } catch {
            fail("\(request.segmentName): \(error)", ExitStatus.failure)
        }
    }

    private static func createFolder(of file: String) throws {
        let folder = (file as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolder(folder) }
    }

    private static func createFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            fail("\(folder): cannot create the folder: \((error as NSError).localizedDescription)", ExitStatus.failure)
        }
    }

    private static func save(_ bytes: [UInt8], to file: String) throws {
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            fail("\(file): cannot write the file (permissions or a full disk)", ExitStatus.failure)
        }
    }
}

extension PictureWriter {
    /// The checks `thumbnail` and `find --thumbnails/--sheet` share.
    static func validate(frame: Int?, margin: Double, maxSide: Int, columns: Int?) throws {
        if let frame, frame < 0 { throw ValidationError("--frame must be ≥ 0") }
        if !(margin >= 0 && margin <= 10) { throw ValidationError("--margin must be in [0, 10]") }
        if !(1...4096).contains(maxSide) { throw ValidationError("--max-side must be in 1...4096") }
        if let columns, !(1...64).contains(columns) { throw ValidationError("--columns must be in 1...64") }
    }
}
