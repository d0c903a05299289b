// `seggraph relink`: recompute every derived edge with the current configuration.
import ArgumentParser
import SegGraph

struct RelinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relink", abstract: "Drop all derived edges and derive them again with the current configuration.",
        discussion: CommandExamples.section("relink"))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let counts = try storeOptions.open().relink()
            let records = EdgeKind.allCases.map { OutputRecord(fields: [("kind", .string($0.description)), ("edges", .int(counts[$0] ?? 0))]) }
            RecordPrinter.print(records, columns: ["kind", "edges"], format: output.format)
        }
    }
}
