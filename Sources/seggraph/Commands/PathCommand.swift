// `seggraph path A B`: the earliest time-respecting path between two segments.
import ArgumentParser
import SegGraph

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "The earliest-arriving time-respecting path from one segment to another.",
        discussion: "An edge can be used while both of its segments exist (a `next` edge at the later segment's start); each hop happens no earlier than the previous one. Exit 4 when there is no path." + CommandExamples.appended("path"))

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Start segment.") var from: String
    @Argument(help: "Goal segment.") var to: String
    @Option(help: "Edge kinds to follow (repeatable or comma-separated; default all).", completion: Completions.edgeKinds) var kind: [String] = []
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.run(PathQuery(from: from, to: to, kinds: try EdgeKind.parseList(kind))))
        }
    }
}
