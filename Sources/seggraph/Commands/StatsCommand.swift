// `seggraph stats`: counts, sizes, format, configuration.
import ArgumentParser
import Foundation
import SegGraph

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show counts, sizes on disk, format version and configuration.",
        discussion: CommandExamples.section("stats"))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.run(StatsQuery()))
        }
    }
}
