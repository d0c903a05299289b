// `seggraph show SEGMENT`: one segment with its boxes, embeddings and provenance.
import ArgumentParser
import Foundation
import SegGraph

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one segment: times, boxes, embeddings, attributes, provenance.",
        discussion: CommandExamples.section("show"))

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "SOURCE/SEGMENT_ID (e.g. cam_03/seg_12345) or id:ID (#ID).") var segment: String
    @Option(help: "Boxes to print (first N; 0 for none).") var boxes: Int = 10
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.run(ShowQuery(segment: segment, boxesShown: boxes)))
        }
    }
}
