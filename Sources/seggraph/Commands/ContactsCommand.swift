// `seggraph contacts SEGMENT`: who was near the individual, and who was near them.
import ArgumentParser
import SegGraph

struct ContactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Who was near an individual (its segment plus `next`/`same_as` continuations), to N hops.",
        discussion: CommandExamples.section("contacts"))

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "A segment of the individual: SOURCE/SEGMENT_ID or id:ID (#ID).") var segment: String
    @Option(help: "Hops (1 = direct contacts).") var hops: Int = 1
    @Option(help: ArgumentHelp("Minimum time spent close, e.g. 5s.", valueName: "duration")) var minOverlap: String = "0s"
    @OptionGroup var window: TimeWindowOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            guard let closeSeconds = SequencePredicate.parseDuration(minOverlap) else {
                throw StoreError(.invalidArgument, "--min-overlap \(minOverlap): expected a duration like 5s or 1m")
            }
            let query = ContactsQuery(segment: segment, hops: hops, closeSecondsMin: closeSeconds, window: try window.spec())
            output.write(try storeOptions.run(query))
        }
    }
}
