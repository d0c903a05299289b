// `seggraph topology`: the camera layout people's movements reveal.
import ArgumentParser
import SegGraph

struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Camera pairs people walk between, with transit times learned from re-identification links.",
        discussion: """
            Learned from the confident same_as links (similarity at or above sameAsSimilarityMin) between \
            sightings on different cameras: for each ordered pair, how many links, and the median and \
            5–95 % range of the time between leaving one view and entering the other.
            """ + CommandExamples.appended("topology"))

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Leave out pairs with fewer links than this.") var linksMin: Int = 2
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            output.write(try storeOptions.run(TopologyQuery(linksMin: linksMin)))
        }
    }
}
