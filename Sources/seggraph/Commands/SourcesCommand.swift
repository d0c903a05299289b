// `seggraph sources`: every source with its clock and extent.
import ArgumentParser
import Foundation
import SegGraph

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "List sources (cameras/videos) with their clocks and extents.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.run(SourcesQuery()))
        }
    }
}
