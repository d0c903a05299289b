// `seggraph thumbnail SEGMENT -o out.jpg`: the engine picks video, frame and box
// (Store.thumbnailRequest); MediaProbe decodes, crops, scales and encodes the JPEG.
import ArgumentParser
import Foundation
import MediaProbe
import SegGraph

struct ThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Write a JPEG of a segment's box, cut from its source's video.",
        discussion: """
            The video is the source's (`video` in the document, or import --video FILE). The frame \
            is the one of the box nearest the segment's middle, or --frame N with the box nearest \
            to it. The box grows by --margin of its size on each side and the picture is scaled \
            down to at most --max-side pixels on its longer side (never enlarged).
            """ + CommandExamples.appended("thumbnail"))

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "SOURCE/SEGMENT_ID or #ID.")
    var segment: String

    @Option(name: [.short, .customLong("output")], help: "JPEG file to write.")
    var output: String

    @Option(help: "Frame number to show instead of the segment's middle.")
    var frame: Int?

    @Option(help: "Context around the box on each side, as a fraction of its size.")
    var margin: Double = 0.15

    @Option(help: "Longest side of the picture in pixels.")
    var maxSide: Int = 256

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if let frame, frame < 0 { throw ValidationError("--frame must be ≥ 0") }
        if !(margin >= 0 && margin <= 10) { throw ValidationError("--margin must be in [0, 10]") }
        if !(1...4096).contains(maxSide) { throw ValidationError("--max-side must be in 1...4096") }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let request = try store.thumbnailRequest(for: segment, frame: frame)
            let jpeg: [UInt8]
            do {
                jpeg = try VideoProbing.jpeg(request, margin: margin, maxSide: maxSide)
            } catch {
                fail("\(request.segmentName): \(error)", ExitStatus.failure)
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(jpeg)) else {
                fail("\(output): cannot write", ExitStatus.failure)
            }
            let place: String
            switch request.position {
            case .frameIndex(let index): place = "frame \(index)"
            case .timeSeconds(let seconds): place = "\(seconds) s"
            }
            let record = OutputRecord(fields: [
                ("segment", .string(request.segmentName)), ("file", .string(output)), ("video", .string(request.videoPath)),
                ("at", .string(place)), ("box", .string("\(Double(request.box.x)),\(Double(request.box.y)) \(Double(request.box.width))x\(Double(request.box.height))")),
                ("bytes", .int(jpeg.count)),
            ])
            RecordPrinter.printObject(record, format: json ? .json : .table)
        }
    }
}
