// `seggraph thumbnail SEGMENT… -o out.jpg|FOLDER` or `--sheet sheet.jpg`: the engine picks
// video, frame and box; PictureWriter puts the pictures where asked.
import ArgumentParser
import Foundation
import MediaProbe
import SegGraph

struct ThumbnailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thumbnail",
        abstract: "Write pictures of segments' boxes, cut from their sources' video: one file, a folder of them, or one contact sheet.",
        discussion: """
            The video is the source's (`video` in the document, or import --video FILE). The frame \
            is the one of the box nearest the segment's middle, or --frame N with the box nearest \
            to it. The box grows by --margin of its size on each side and the picture is scaled \
            down to at most --max-side pixels on its longer side (never enlarged). A file name \
            ending in .png gets PNG, .jpg or .jpeg JPEG. A contact sheet (--sheet) puts every \
            segment in a numbered square cell, in the order given; the table says which is which.
            """ + CommandExamples.appended("thumbnail"))

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Segments: SOURCE/SEGMENT_ID or id:ID (#ID) (one or more).")
    var segments: [String]

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("Where to write: a .jpg/.jpeg/.png file for one segment, or a folder (created when missing) for one picture per segment named SOURCE_SEGMENT.jpg (or .png with --format png).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Write one contact sheet (.jpg/.jpeg/.png) of all the segments instead.", valueName: "file"))
    var sheet: String?

    @Option(help: "Cells a row of the contact sheet (default: a near-square grid, at most 8).")
    var columns: Int?

    @Option(help: "Picture format in a folder: jpeg or png.")
    var format: FormatName = .jpeg

    @Option(help: "Frame number to show instead of the segment's middle.")
    var frame: Int?

    @Option(help: "Context around the box on each side, as a fraction of its size.")
    var margin: Double = 0.15

    @Option(help: "Longest side of each picture (the sheet's cell side) in pixels.")
    var maxSide: Int = 256

    @OptionGroup var outputOptions: OutputOptions

    /// `--format`'s values (MediaProbe's PictureFormat, spelled for the command line).
    enum FormatName: String, ExpressibleByArgument, CaseIterable { case jpeg, png }

    func validate() throws {
        if segments.isEmpty { throw ValidationError("give at least one segment") }
        guard (output == nil) != (sheet == nil) else { throw ValidationError("give exactly one of -o PATH or --sheet FILE") }
        try PictureWriter.validate(frame: frame, margin: margin, maxSide: maxSide, columns: columns)
        if let sheet { try PictureWriter.requirePictureFile(sheet, option: "--sheet") }
        if let output {
            let ext = (output as NSString).pathExtension
            if !ext.isEmpty {
                try PictureWriter.requirePictureFile(output, option: "-o")
                if segments.count > 1 { throw ValidationError("-o \(output): \(segments.count) segments need a folder or --sheet, not one file") }
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let store = try storeOptions.open(readOnly: true)
            let writer = PictureWriter(frame: frame, margin: margin, maxSide: maxSide)
            let target: PictureWriter.Target
            if let sheet {
                target = .sheet(sheet, columns: columns)
            } else if let output, !(output as NSString).pathExtension.isEmpty {
                target = .file(output)
            } else {
                target = .folder(output!, format == .png ? .png : .jpeg)
            }
            outputOptions.write(try writer.write(segments, from: store, to: target))
        }
    }
}

