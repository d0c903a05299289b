// `seggraph show SEGMENT`: one segment with its boxes, embeddings and provenance.
import ArgumentParser
import Foundation
import SegGraph

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one segment: times, boxes, embeddings, attributes, provenance.")

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "SOURCE/SEGMENT_ID (e.g. cam_03/seg_12345) or #ID.") var segment: String
    @Option(help: "Boxes to print (first N; 0 for none).") var boxes: Int = 10
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let detail = try store.segmentDetail(try store.segmentID(named: segment))
            var record = SegmentOutput.record(SegmentHit(segment: detail.segment, source: detail.source), full: true)
            record.fields += [
                ("masks", .int(detail.segment.maskPointers.count)),
                ("embeddings", .array(detail.embeddings.map { .string("\($0.space):\($0.dimension)") })),
                ("import", .optional(detail.importRecord.map { "#\($0.id) \($0.fileName)" })),
                ("imported_sha256", .optional(detail.importRecord?.sha256)),
            ]
            let shown = detail.boxes.prefix(max(0, boxes)).map { box -> OutputValue in
                .object([("frame", .optional(box.frameIndex.map { Int($0) })),
                         ("offset_s", .optional(box.offsetSeconds.map { (Double($0) * 1e4).rounded() / 1e4 })),
                         ("x", .double(Double(box.x))), ("y", .double(Double(box.y))),
                         ("w", .double(Double(box.width))), ("h", .double(Double(box.height)))])
            }
            if output.format == .json {
                record.fields.append(("boxes_shown", .array(shown)))
                RecordPrinter.printObject(record, format: .json)
                return
            }
            RecordPrinter.printObject(record, format: output.format)
            if !shown.isEmpty && output.format == .table {
                print("")
                RecordPrinter.print(shown.map { value in
                    guard case .object(let fields) = value else { return OutputRecord(fields: []) }
                    return OutputRecord(fields: fields)
                }, columns: ["frame", "offset_s", "x", "y", "w", "h"], format: .table)
                if detail.boxes.count > shown.count { print("… \(detail.boxes.count - shown.count) more boxes (--boxes N)") }
            }
        }
    }
}
