// `seggraph neighbors SEGMENT`: k-hop expansion over chosen edge kinds.
import ArgumentParser
import SegGraph

struct NeighborsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors", abstract: "Segments linked to a segment, to N hops, over chosen edge kinds.",
        discussion: CommandExamples.section("neighbors"))

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "SOURCE/SEGMENT_ID or id:ID (#ID).") var segment: String
    @Option(help: "Edge kinds to follow (repeatable or comma-separated; default all): next, near, holds, wears, rides, during, same_as.",
            completion: Completions.edgeKinds)
    var kind: [String] = []
    @Option(help: "Hops (1...\(Limits.traversalHopsMax)).") var hops: Int = 1
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let query = NeighborsQuery(segment: segment, kinds: try EdgeKind.parseList(kind), hops: hops, window: try window.spec())
            output.write(try storeOptions.run(query))
        }
    }

}
