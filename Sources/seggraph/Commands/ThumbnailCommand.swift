// `seggraph thumbnail SEGMENT… -o out.jpg|FOLDER`: the engine picks video, frame and box
// (Store.thumbnailRequest); MediaProbe decodes, crops, scales and encodes each JPEG.
import ArgumentParser
import Foundation
import MediaProbe
import SegGraph

struct ThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Write JPEGs of segments' boxes, cut from their sources' video (one file, or a folder of them).",
        discussion: """
            The video is the source's (`video` in the document, or import --video FILE). The frame \
            is the one of the box nearest the segment's middle, or --frame N with the box nearest \
            to it. The box grows by --margin of its size on each side and the picture is scaled \
            down to at most --max-side pixels on its longer side (never enlarged).
            """ + CommandExamples.appended("thumbnail"))

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Segments: SOURCE/SEGMENT_ID or id:ID (#ID) (one or more).")
    var segments: [String]

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Where to write: a .jpg/.jpeg file for one segment, or a folder (created when missing) for one JPEG per segment named SOURCE_SEGMENT.jpg.", valueName: "path"))
    var output: String

    @Option(help: "Frame number to show instead of the segment's middle.")
    var frame: Int?

    @Option(help: "Context around the box on each side, as a fraction of its size.")
    var margin: Double = 0.15

    @Option(help: "Longest side of the picture in pixels.")
    var maxSide: Int = 256

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// Picture formats by file extension; only JPEG is encoded.
    static let jpegExtensions: Set<String> = ["jpg", "jpeg"]

    func validate() throws {
        if segments.isEmpty { throw ValidationError("give at least one segment") }
        if let frame, frame < 0 { throw ValidationError("--frame must be ≥ 0") }
        if !(margin >= 0 && margin <= 10) { throw ValidationError("--margin must be in [0, 10]") }
        if !(1...4096).contains(maxSide) { throw ValidationError("--max-side must be in 1...4096") }
        let ext = (output as NSString).pathExtension.lowercased()
        if !ext.isEmpty && !Self.jpegExtensions.contains(ext) {
            // It used to write JPEG bytes into x.png; a picture must be what its name says.
            throw ValidationError("-o \(output): only JPEG is written (.jpg or .jpeg), not .\(ext); or give a folder")
        }
        if segments.count > 1 && !ext.isEmpty {
            throw ValidationError("-o \(output): \(segments.count) segments need a folder, not one file")
        }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let intoFolder = (output as NSString).pathExtension.isEmpty
            // The folder (or the file's folder) is created when missing.
            let folder = intoFolder ? output : (output as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    fail("\(folder): cannot create the folder: \((error as NSError).localizedDescription)", ExitStatus.failure)
                }
            }
            var records: [OutputRecord] = []
            for segment in segments {
                let request = try store.thumbnailRequest(for: segment, frame: frame)
                let jpeg: [UInt8]
                do {
                    jpeg = try VideoProbing.jpeg(request, margin: margin, maxSide: maxSide)
                } catch {
                    fail("\(request.segmentName): \(error)", ExitStatus.failure)
                }
                let file = intoFolder
                    ? (output as NSString).appendingPathComponent(request.segmentName.replacingOccurrences(of: "/", with: "_") + ".jpg")
                    : output
                guard FileManager.default.createFile(atPath: file, contents: Data(jpeg)) else {
                    fail("\(file): cannot write the file (permissions or a full disk)", ExitStatus.failure)
                }
                records.append(Self.record(request, file: file, bytes: jpeg.count))
            }
            if records.count == 1 {
                RecordPrinter.printObject(records[0], format: json ? .json : .table)
            } else {
                RecordPrinter.print(records, columns: ["segment", "file", "at", "box", "bytes"], format: json ? .json : .table)
            }
        }
    }

    static func record(_ request: ThumbnailRequest, file: String, bytes: Int) -> OutputRecord {
        let place: String
        switch request.position {
        case .frameIndex(let index): place = "frame \(index)"
        case .timeSeconds(let seconds): place = "\(seconds) s"
        }
        return OutputRecord(fields: [
            ("segment", .string(request.segmentName)), ("file", .string(file)), ("video", .string(request.videoPath)),
            ("at", .string(place)), ("box", .string("\(Double(request.box.x)),\(Double(request.box.y)) \(Double(request.box.width))x\(Double(request.box.height))")),
            ("bytes", .int(bytes)),
        ])
    }
}
